/* The artisan space's photos: a photo is sent the moment it is picked, resized on the phone first (about
   2,500 px on its longer side: a 4 MB phone photo becomes a few hundred KB, which matters on 3G), with a
   progress bar; then the page shows what the photography pipeline made of it. A file the phone cannot
   read, or that looks cut short, is sent as it is so that the server says why it cannot be used.
   Without this file, the forms' own buttons send the same fields: every page works without it. */
(function () {
  "use strict";
  var MAX_SIDE = 2560, QUALITY = 0.88, RESIZE_ABOVE = 1200 * 1024, MAX_PIXELS = 50e6;

  function text(form, name) { return form.getAttribute("data-text-" + name) || ""; }

  function showErrors(form, errors) {
    var shown = false;
    Object.keys(errors).forEach(function (field) {
      var box = form.querySelector("#err-" + field) || form.querySelector("#err-" + (form.getAttribute("data-field") || "photos"));
      if (!box) return;
      box.innerHTML = "";
      errors[field].forEach(function (message) {
        var p = document.createElement("p");
        p.textContent = message;
        box.appendChild(p);
      });
      box.hidden = false;
      var holder = box.closest("fieldset");
      if (holder) holder.classList.add("invalid");
      if (!shown) { box.scrollIntoView({block: "center"}); shown = true; }
    });
  }

  function clearErrors(form) {
    form.querySelectorAll(".error[id^='err-']").forEach(function (box) { box.hidden = true; box.innerHTML = ""; });
    form.querySelectorAll("fieldset.invalid").forEach(function (f) { f.classList.remove("invalid"); });
  }

  // A JPEG ends with its EOI marker, a PNG with its IEND chunk: a file cut short is sent untouched.
  function looksWhole(file) {
    return file.slice(Math.max(0, file.size - 32)).arrayBuffer().then(function (buffer) {
      var tail = new Uint8Array(buffer), i;
      if (file.type === "image/jpeg") {
        for (i = tail.length - 2; i >= 0; i--) { if (tail[i] === 0xFF && tail[i + 1] === 0xD9) return true; }
        return false;
      }
      if (file.type === "image/png") { return String.fromCharCode.apply(null, tail).indexOf("IEND") >= 0; }
      return true;
    });
  }

  function pngTooLarge(file) {
    if (file.type !== "image/png") return Promise.resolve(false);
    return file.slice(16, 24).arrayBuffer().then(function (buffer) {
      var view = new DataView(buffer);
      return buffer.byteLength === 8 && view.getUint32(0) * view.getUint32(4) > MAX_PIXELS;
    });
  }

  function resized(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type) || file.size < RESIZE_ABOVE || !window.createImageBitmap) {
      return Promise.resolve(file);
    }
    return Promise.all([looksWhole(file), pngTooLarge(file)]).then(function (checks) {
      if (!checks[0] || checks[1]) return file;
      return createImageBitmap(file, {imageOrientation: "from-image"}).then(function (bitmap) {
        var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        if (scale === 1 && file.type === "image/jpeg") { bitmap.close(); return file; }
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        bitmap.close();
        return new Promise(function (resolve) {
          canvas.toBlob(function (blob) {
            resolve(blob ? new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", {type: "image/jpeg"}) : file);
          }, "image/jpeg", QUALITY);
        });
      });
    }).catch(function () { return file; });
  }

  function send(form, input) {
    var files = Array.prototype.slice.call(input.files || []);
    if (!files.length) return;
    clearErrors(form);
    var kinds = form.querySelectorAll("input[type=radio][name=kind]");
    if (kinds.length && !form.querySelector("input[type=radio][name=kind]:checked")) {
      showErrors(form, {kind: [text(form, "kind")]});
      input.value = "";
      return;
    }
    var empty = files.filter(function (f) { return !f.size; });
    files = files.filter(function (f) { return f.size; });
    if (empty.length) {
      var field = form.getAttribute("data-field") || "photos", errors = {};
      errors[field] = empty.map(function (f) { return text(form, "empty").replace("%(file)s", f.name); });
      showErrors(form, errors);
      if (!files.length) { input.value = ""; return; }
    }
    var box = form.querySelector(".sending"), bar = box.querySelector("progress"), status = box.querySelector(".sending-text");
    box.hidden = false;
    bar.removeAttribute("value");
    status.textContent = text(form, "preparing");
    form.classList.add("busy");
    Promise.all(files.map(resized)).then(function (ready) {
      var data = new FormData(form);
      form.querySelectorAll("input[type=file]").forEach(function (el) { data.delete(el.name); });
      ready.forEach(function (file) { data.append(input.name, file, file.name); });
      var request = new XMLHttpRequest();
      // getAttribute: a field named "action" (the profile's) hides the form's action property.
      request.open("POST", form.getAttribute("action") || window.location.href);
      request.setRequestHeader("Accept", "application/json");
      request.upload.onprogress = function (event) {
        if (!event.lengthComputable) return;
        var percent = Math.round(event.loaded * 100 / event.total);
        bar.value = percent;
        status.textContent = text(form, "sending").replace("%(percent)s", percent);
      };
      request.upload.onload = function () { bar.removeAttribute("value"); status.textContent = text(form, "improving"); };
      request.onload = function () {
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (e) { answer = null; }
        if (answer && answer.redirect) { window.location.assign(answer.redirect); return; }
        form.classList.remove("busy");
        box.hidden = true;
        input.value = "";
        showErrors(form, (answer && answer.errors) || {form: [text(form, "failed")]});
      };
      request.onerror = function () {
        form.classList.remove("busy");
        box.hidden = true;
        input.value = "";
        showErrors(form, {form: [text(form, "network")]});
      };
      request.send(data);
    });
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("form[data-upload] input[type=file]")) return;
    send(input.form, input);
  });

  // Photos still being improved: look again in a moment (not while a new one is being sent).
  var waiting = document.querySelector(".photos[data-waiting]");
  if (waiting) {
    window.setTimeout(function () {
      if (!document.querySelector("form.busy")) window.location.reload();
    }, 4000);
  }
})();
