// Share controls: copy the link, or open the phone's own share sheet (Zalo, Messenger…).
// Nothing from Facebook or Zalo loads until the reader clicks their link.
(function () {
  "use strict";

  function report(group, text) {
    var status = group.querySelector(".share__status");
    if (status) status.textContent = text;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "absolute";
      field.style.left = "-9999px";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  document.querySelectorAll(".share").forEach(function (group) {
    var copy = group.querySelector(".share__copy");
    if (copy) {
      copy.addEventListener("click", function () {
        copyText(copy.dataset.copyUrl).then(
          function () { report(group, copy.dataset.copied); },
          function () { report(group, copy.dataset.failed); }
        );
      });
    }
    var native = group.querySelector(".share__native");
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: native.dataset.shareTitle, url: native.dataset.shareUrl })
          .catch(function () { /* the reader closed the share sheet */ });
      });
    }
  });
})();
