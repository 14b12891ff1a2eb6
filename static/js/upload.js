/*
 * Image uploads straight to storage, with a preview and a progress bar.
 *
 * Markup (templates/partials/_uploader.html): a hidden [data-uploader] box holding a file
 * input, a preview, a <progress> and a status line, plus a hidden input that receives the
 * finished upload's id. Without this script the box stays hidden and forms go without an
 * image. The steps mirror the JSON API:
 *   1. POST /api/v1/media/uploads {filename, content_type, size} -> presigned POST form
 *   2. POST the file to storage (fields first, the file last as "file"), with progress
 *   3. POST /api/v1/media/{id}/complete
 *   4. GET /api/v1/media/{id} until it is "ready" (or "rejected", with the reason)
 */
(function () {
  "use strict";

  var POLL_LIMIT_MS = 90000;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function apiError(body, status) {
    var error = body && body.error;
    if (error) {
      var fields = error.fields || {};
      var first = Object.keys(fields)[0];
      return new Error(first ? fields[first] : error.message);
    }
    return new Error("The server answered " + status + ". Please try again.");
  }

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "X-CSRF-Token": csrfToken(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (data) {
          if (!response.ok) throw apiError(data, response.status);
          return data;
        });
    });
  }

  // XMLHttpRequest rather than fetch: only it reports upload progress.
  function sendToStorage(upload, file, onProgress) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      Object.keys(upload.fields).forEach(function (name) {
        form.append(name, upload.fields[name]);
      });
      form.append("file", file); // last: storage ignores fields after the file
      var xhr = new XMLHttpRequest();
      xhr.open("POST", upload.url);
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(new Error("Storage refused the file (" + xhr.status + ")."));
      };
      xhr.onerror = function () {
        reject(new Error("The upload failed. Check your connection and try again."));
      };
      xhr.send(form);
    });
  }

  function waitUntilChecked(mediaId) {
    var started = Date.now();
    var delay = 400;
    return new Promise(function (resolve, reject) {
      function poll() {
        api("GET", "/api/v1/media/" + encodeURIComponent(mediaId))
          .then(function (media) {
            if (media.status === "ready" || media.status === "rejected") {
              resolve(media);
            } else if (Date.now() - started > POLL_LIMIT_MS) {
              reject(new Error("Checking the image takes too long. Please try again."));
            } else {
              setTimeout(poll, delay);
              delay = Math.min(delay * 1.5, 2000);
            }
          })
          .catch(reject);
      }
      poll();
    });
  }

  function setup(box) {
    if (box.hasAttribute("data-upload-ready")) return;
    box.setAttribute("data-upload-ready", "");
    var form = box.closest("form");
    var input = box.querySelector("[data-upload-input]");
    var preview = box.querySelector("[data-upload-preview]");
    var previewImg = box.querySelector("[data-upload-preview-img]");
    var progress = box.querySelector("[data-upload-progress]");
    var status = box.querySelector("[data-upload-status]");
    var clear = box.querySelector("[data-upload-clear]");
    var zone = box.querySelector("[data-upload-zone]");
    var hidden = form && form.querySelector('[data-upload-value="' + input.id + '"]');
    if (!form || !input || !hidden) return;
    var submits = form.querySelectorAll('[type="submit"]');
    var previewUrl = null;
    var attempt = 0;

    box.hidden = false;

    function say(text, state) {
      status.textContent = text;
      zone.setAttribute("data-state", state || "");
    }

    function busy(on) {
      submits.forEach(function (button) {
        button.disabled = on;
      });
      box.setAttribute("aria-busy", on ? "true" : "false");
    }

    function nounFor(file) {
      var type = (file && file.type) || "";
      if (type.indexOf("video/") === 0) return "Video";
      if (type.indexOf("audio/") === 0) return "Sound";
      return "Image";
    }

    function showPreview(file) {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      var isImage = file && (file.type || "").indexOf("image/") === 0;
      previewUrl = isImage ? URL.createObjectURL(file) : null;
      if (previewUrl) previewImg.src = previewUrl;
      else previewImg.removeAttribute("src");
      preview.hidden = !previewUrl;
    }

    function reset(message, state) {
      hidden.value = "";
      progress.hidden = true;
      busy(false);
      say(message || "", state);
      clear.hidden = !input.value;
    }

    clear.addEventListener("click", function () {
      attempt++;
      input.value = "";
      showPreview(null);
      reset("Image removed.");
      clear.hidden = true;
      input.focus();
    });

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var mine = ++attempt;
      hidden.value = "";
      showPreview(file);
      if (!file) {
        reset("");
        return;
      }
      clear.hidden = false;
      busy(true);
      progress.hidden = false;
      progress.value = 0;
      say("Uploading… 0%", "uploading");
      var mediaId = null;
      api("POST", "/api/v1/media/uploads", {
        filename: file.name,
        content_type: file.type,
        size: file.size,
      })
        .then(function (started) {
          mediaId = started.media_id;
          return sendToStorage(started.upload, file, function (share) {
            if (mine !== attempt) return;
            var percent = Math.round(share * 100);
            progress.value = percent;
            say("Uploading… " + percent + "%", "uploading");
          });
        })
        .then(function () {
          if (mine !== attempt) return null;
          progress.removeAttribute("value"); // indeterminate while the worker checks it
          say("Checking your " + nounFor(file).toLowerCase() + "…", "checking");
          return api("POST", "/api/v1/media/" + encodeURIComponent(mediaId) + "/complete");
        })
        .then(function (completed) {
          if (completed === null || mine !== attempt) return null;
          return waitUntilChecked(mediaId);
        })
        .then(function (media) {
          if (media === null || mine !== attempt) return;
          if (media.status === "ready") {
            hidden.value = media.media_id;
            progress.hidden = true;
            busy(false);
            say(nounFor(file) + " ready", "ready");
          } else {
            reset("We couldn’t use this " + nounFor(file).toLowerCase() + ": " +
              (media.reason || "it was rejected."), "error");
          }
        })
        .catch(function (error) {
          if (mine !== attempt) return;
          reset(error.message, "error");
        });
    });

    if (hidden.value) say("Image ready", "ready");
  }

  function init(root) {
    if (root.matches && root.matches("[data-uploader]")) setup(root);
    root.querySelectorAll("[data-uploader]").forEach(setup);
  }

  init(document);
  // htmx swaps a form back in after field errors: enhance the new uploader too.
  document.addEventListener("htmx:load", function (event) {
    init(event.detail.elt);
  });
})();
