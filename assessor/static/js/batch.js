// Follows a batch of scorecards being rendered: polls its status every second, moves the
// progress bar and its text, and shows the download link when the ZIP is ready.
// Without this script the page refreshes itself every two seconds instead.
(function () {
  "use strict";
  const batch = document.getElementById("batch");
  if (!batch || batch.dataset.status === "done") return;
  const POLL_DELAY = 1000;
  const RETRY_DELAY = 5000;
  const bar = batch.querySelector("progress");
  const count = batch.querySelector("[data-batch-count]");
  const waiting = batch.querySelector("[data-batch-waiting]");
  const finished = batch.querySelector("[data-batch-finished]");
  const ready = batch.querySelector("[data-batch-ready]");

  function show(state) {
    bar.max = state.total;
    bar.value = state.done;
    // The words come from the server, in the page's language.
    bar.textContent = state.progress;
    // Rewritten only when it changes, so that screen readers announce each step once.
    if (count.textContent !== state.progress) count.textContent = state.progress;
    waiting.hidden = state.status !== "queued";
    finished.hidden = state.status !== "done";
    ready.hidden = state.status !== "done";
  }

  function poll() {
    fetch(batch.dataset.statusUrl, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (state) {
        // A failure is explained by the page itself, with a way back.
        if (state.status === "failed") return window.location.reload();
        show(state);
        if (state.status !== "done") window.setTimeout(poll, POLL_DELAY);
      })
      .catch(function () {
        window.setTimeout(poll, RETRY_DELAY);
      });
  }

  window.setTimeout(poll, POLL_DELAY);
})();
