/*
 * Copy-link buttons: [data-copy="#input-id"] copies that input's value to the clipboard and
 * says so in the nearby [data-copy-status]. Hidden until this script runs; without it (or
 * without clipboard access) the link stays in a read-only field to copy by hand.
 */
(function () {
  "use strict";

  function setup(button) {
    var source = document.querySelector(button.getAttribute("data-copy"));
    var box = button.closest(".copy-link") || document;
    var status = box.querySelector("[data-copy-status]");
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    source.addEventListener("focus", function () {
      source.select();
    });
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(
        function () {
          button.textContent = "Copied!";
          if (status) status.textContent = "Link copied to your clipboard.";
          setTimeout(function () {
            button.textContent = "Copy link";
          }, 2500);
        },
        function () {
          source.focus();
          source.select();
          if (status) status.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link.";
        }
      );
    });
  }

  document.querySelectorAll("[data-copy]").forEach(setup);
})();
