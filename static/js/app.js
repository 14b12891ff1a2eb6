/*
 * cocreate — the little JavaScript the pages use. Everything works without it: forms POST,
 * redirect and GET. With it, htmx requests carry the CSRF token, failed htmx requests say so,
 * organization colours apply, and flash messages can be dismissed.
 * Loaded with `defer` after htmx; no inline scripts anywhere because of the CSP.
 */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Every htmx request (including GETs, harmless) carries the session's CSRF token.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
  });

  // --- countdowns ----------------------------------------------------------------------------
  // <time data-countdown data-countdown-label="Entries close" datetime="..."> ticks down each
  // second once less than a day is left; the server's wording stays until then.

  function pad(number) {
    return number < 10 ? "0" + number : String(number);
  }

  function tickCountdowns() {
    var now = Date.now();
    document.querySelectorAll("time[data-countdown]").forEach(function (element) {
      var left = Math.floor((Date.parse(element.getAttribute("datetime")) - now) / 1000);
      var label = element.getAttribute("data-countdown-label") || "";
      if (isNaN(left) || left >= 86400) return;
      if (left <= 0) {
        element.textContent = label + ": any moment now";
        return;
      }
      var hours = Math.floor(left / 3600);
      var minutes = Math.floor((left % 3600) / 60);
      element.textContent = label + " in " + pad(hours) + ":" + pad(minutes) + ":" + pad(left % 60);
    });
  }

  if (document.querySelector("time[data-countdown]")) {
    tickCountdowns();
    window.setInterval(tickCountdowns, 1000);
  }

  // --- flash messages ----------------------------------------------------------------------

  function flashContainer() {
    var box = document.getElementById("flashes");
    if (!box) {
      box = document.createElement("div");
      box.id = "flashes";
      box.className = "flashes";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      var main = document.querySelector("main .container") || document.querySelector("main");
      if (!main) return null;
      main.insertBefore(box, main.firstChild);
    }
    return box;
  }

  function showFlash(category, text) {
    var box = flashContainer();
    if (!box) return;
    var flash = document.createElement("div");
    flash.className = "flash flash-" + category;
    var p = document.createElement("p");
    p.textContent = text;
    flash.appendChild(p);
    addCloseButton(flash);
    box.appendChild(flash);
  }

  function addCloseButton(flash) {
    if (flash.querySelector(".flash-close")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "flash-close";
    // The name is words a screen reader says; the × is only seen (an aria-label would not
    // contain the visible text, which voice control users say).
    var cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "×";
    var name = document.createElement("span");
    name.className = "sr-only";
    name.textContent = "Dismiss message";
    button.append(cross, name);
    button.addEventListener("click", function () {
      flash.remove();
    });
    flash.appendChild(button);
  }

  var statusMessages = {
    0: "We could not reach the server. Check your connection and try again.",
    400: "That request did not look right. Please check it and try again.",
    401: "Please log in to do that.",
    403: "You do not have permission to do that.",
    404: "We could not find that. It may have been removed.",
    409: "That changed while you were looking. Reload the page and try again.",
    413: "That file is too large.",
    429: "You are going a little fast. Wait a moment and try again.",
  };

  // 422 (form with field errors) is swapped in by htmx-config; anything else that fails
  // gets a message instead of silence.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    showFlash(
      "error",
      statusMessages[status] || "Something went wrong on our side. Please try again."
    );
  });

  document.addEventListener("htmx:sendError", function () {
    showFlash("error", statusMessages[0]);
  });

  // --- organization colours -------------------------------------------------------------

  function parseHex(value) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value || "").trim());
    if (!m) return null;
    var hex = m[1];
    if (hex.length === 3) {
      hex = hex[0] + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    }
    return [0, 2, 4].map(function (i) {
      return parseInt(hex.slice(i, i + 2), 16);
    });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function toHex(rgb) {
    return (
      "#" +
      rgb
        .map(function (v) {
          return Math.round(v).toString(16).padStart(2, "0");
        })
        .join("")
    );
  }

  var WHITE = [255, 255, 255];
  var INK = [22, 20, 43];

  // Sets --brand plus the text colours that stay readable on it (WCAG AA, 4.5:1).
  function applyBrand(el) {
    var rgb = parseHex(el.getAttribute("data-brand"));
    if (!rgb) return;
    var onBrand = contrast(rgb, WHITE) >= contrast(rgb, INK) ? WHITE : INK;
    var ink = rgb.slice();
    // Readable on white and on --brand-soft (10% of the brand in white), where pills sit.
    var soft = rgb.map(function (v) {
      return v * 0.1 + 255 * 0.9;
    });
    for (var i = 0; i < 20 && contrast(ink, soft) < 4.6; i++) {
      ink = ink.map(function (v) {
        return v * 0.88;
      });
    }
    el.style.setProperty("--brand", toHex(rgb));
    el.style.setProperty("--brand-contrast", toHex(onBrand));
    el.style.setProperty("--brand-ink", toHex(ink));
  }

  function applyBrands(root) {
    var targets = Array.prototype.slice.call(root.querySelectorAll("[data-brand]"));
    if (root.matches && root.matches("[data-brand]")) targets.unshift(root);
    if (!targets.length) return;
    var html = document.documentElement;
    html.classList.add("no-transition");
    targets.forEach(applyBrand);
    void getComputedStyle(html).color; // apply the new colours before transitions return
    requestAnimationFrame(function () {
      html.classList.remove("no-transition");
    });
  }

  function enhance(root) {
    applyBrands(root);
    if (root.matches && root.matches(".flash")) addCloseButton(root);
    root.querySelectorAll(".flash").forEach(addCloseButton);
  }

  enhance(document.documentElement);
  document.addEventListener("htmx:load", function (event) {
    enhance(event.detail.elt);
  });
})();
