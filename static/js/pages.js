/*
 * Keeping keyboard and screen reader users in place:
 * - a form that comes back with field errors (a page or an htmx swap): focus the first
 *   invalid field;
 * - "Load more": focus the first of the newly added ideas, not the removed button.
 * (Vote buttons keep focus on their own: htmx refocuses an element with the same id.)
 */
(function () {
  "use strict";

  var pendingMore = null;

  function focusFirstProblem(root) {
    var invalid = root.querySelector('[aria-invalid="true"]');
    var summary = root.querySelector(".form-errors");
    if (invalid) {
      invalid.focus();
    } else if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  }

  // A plain form post that came back with errors: start at the first field to fix.
  focusFirstProblem(document);

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.matches || !elt.matches("[data-load-more]")) return;
    var list = elt.closest("ul");
    pendingMore = list ? { list: list, count: list.querySelectorAll(".entry-card").length } : null;
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (pendingMore) {
      var cards = pendingMore.list.querySelectorAll(".entry-card");
      var first = cards[pendingMore.count];
      pendingMore = null;
      var link = first && first.querySelector(".card-link");
      if (link) link.focus({ preventScroll: true });
      return;
    }
    // After an outerHTML swap the target is gone; its replacement carries the same id.
    var target = event.detail.target;
    var root = target && (target.isConnected ? target : target.id && document.getElementById(target.id));
    if (root) focusFirstProblem(root);
  });
})();
