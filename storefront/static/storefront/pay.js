/* Card payment with Stripe's Payment Element (loaded only on the card payment page). */
(function () {
  "use strict";
  var form = document.getElementById("card-form");
  if (!form || !window.Stripe) return;
  var stripe = window.Stripe(form.dataset.key, { locale: form.dataset.locale });
  var elements = stripe.elements({ clientSecret: form.dataset.secret });
  elements.create("payment").mount("#payment-element");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.return } })
      .then(function (result) {
        if (result.error) document.getElementById("card-error").textContent = result.error.message;
      });
  });
})();
