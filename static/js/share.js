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
    var label = button.textContent;
    if (!source || !navigator.clipboard || button.dataset.copyReady) return;
    button.dataset.copyReady = "1";
    button.hidden = false;
    source.addEventListener("focus", function () {
      source.select();
    });
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(
        function () {
          button.textContent = "Copied!";
          if (status) {
            status.textContent = button.getAttribute("data-copied") || "Link copied to your clipboard.";
          }
          setTimeout(function () {
            button.textContent = label;
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
  // htmx swaps lists back in (a manager's story images): set up their buttons too.
  document.addEventListener("htmx:load", function (event) {
    event.target.querySelectorAll("[data-copy]").forEach(setup);
  });
})();
