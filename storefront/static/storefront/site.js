/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Selects marked data-autosubmit apply at once (their "Apply" button is hidden when JS runs).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("select[data-autosubmit]") && el.form) el.form.submit();
  });
  // Gallery: a thumbnail shows its photo in the main frame.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".thumbs a");
    var main = document.querySelector(".main-image picture");
    if (!link || !main) return;
    event.preventDefault();
    var copy = link.querySelector("picture").cloneNode(true);
    copy.querySelectorAll("source, img").forEach(function (n) { n.setAttribute("sizes", "(min-width: 64em) 50vw, 100vw"); });
    main.replaceWith(copy);
  });
})();
