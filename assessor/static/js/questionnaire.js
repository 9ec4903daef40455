// Autosave for the questionnaire: each question is saved through the API shortly after it
// changes, with its state announced ("Saving…", "Saved 14:02", "Not saved: … Retry").
// Without this script the page still works: its Save button posts the whole pillar.
// Every word it shows comes from the page, in the page's language (#questionnaire-texts),
// and so do the translations of the API's English messages.
(function () {
  "use strict";
  const form = document.getElementById("questionnaire");
  const textsElement = document.getElementById("questionnaire-texts");
  if (!form || !textsElement) return;
  const texts = JSON.parse(textsElement.textContent);
  const language = document.documentElement.lang;
  const api = form.dataset.api;
  const csrf = form.dataset.csrf;
  const TEXT_DELAY = 1200;
  const CHOICE_DELAY = 250;
  const states = new Map();

  function stateOf(section) {
    if (!states.has(section)) states.set(section, { timer: null, inFlight: null, dirty: false, failed: false, rationaleTyped: false });
    return states.get(section);
  }

  // A text with {name} placeholders filled in.
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  // An API message (English) in the page's language, when the page knows it.
  function shown(message) {
    return texts.messages[message] || message;
  }

  function field(section, name) {
    return section.querySelector('[data-field="' + name + '"]');
  }

  function choiceOf(section) {
    const checked = section.querySelector('[data-field="choice"]:checked');
    return checked ? checked.value : "";
  }

  function evidenceRows(section) {
    return Array.from(section.querySelectorAll(".evidence-item"));
  }

  function evidenceOf(section) {
    const items = [];
    evidenceRows(section).forEach(function (row) {
      const value = function (name) {
        const input = row.querySelector('[data-evidence="' + name + '"]');
        return input ? (input.type === "checkbox" ? input.checked : input.value.trim()) : "";
      };
      if (value("remove") || (!value("url") && !value("title"))) return;
      const item = { url: value("url"), title: value("title"), note: value("note") };
      if (value("accessed_on")) item.accessed_on = value("accessed_on");
      items.push(item);
    });
    return items;
  }

  function bodyOf(section) {
    const choice = choiceOf(section);
    const version = field(section, "version").value;
    const reason = field(section, "change_reason");
    const body = {
      rationale: field(section, "rationale").value,
      evidence: evidenceOf(section),
      version: version ? parseInt(version, 10) : null,
    };
    if (reason) body.change_reason = reason.value || null;
    // Typed on this page, the rationale is taken to be in the page's language.
    if (stateOf(section).rationaleTyped) body.rationale_language = language;
    if (/^[0-4]$/.test(choice)) body.level = parseInt(choice, 10);
    else if (choice === "na") body.not_applicable = true;
    else if (choice === "ii") body.insufficient_information = true;
    return body;
  }

  function setStatus(section, text, retry) {
    const status = section.querySelector("[data-status]");
    status.textContent = text;
    if (retry) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = texts.retry;
      button.addEventListener("click", function () { save(section); });
      status.append(" ", button);
    }
  }

  function showMessages(section, messages) {
    section.querySelectorAll("[data-message]").forEach(function (element) {
      const text = (messages[element.dataset.message] || []).map(shown).join(" ");
      element.textContent = text;
    });
    section.querySelectorAll("[aria-invalid]").forEach(function (element) { element.removeAttribute("aria-invalid"); });
    Object.keys(messages).forEach(function (path) {
      const match = /^evidence\[(\d+)\]\.(\w+)$/.exec(path);
      if (!match) return;
      const rows = evidenceRows(section).filter(function (row) {
        const url = row.querySelector('[data-evidence="url"]').value.trim();
        const title = row.querySelector('[data-evidence="title"]').value.trim();
        const removed = row.querySelector('[data-evidence="remove"]');
        return (url || title) && !(removed && removed.checked);
      });
      const row = rows[parseInt(match[1], 10)];
      const input = row && row.querySelector('[data-evidence="' + match[2] + '"]');
      if (input) input.setAttribute("aria-invalid", "true");
    });
  }

  function fieldName(path) {
    const evidence = /^evidence\[(\d+)\]\.(\w+)$/.exec(path);
    if (evidence) {
      return fill(texts.fields.evidence_item, {
        number: parseInt(evidence[1], 10) + 1,
        field: texts.fields[evidence[2]] || evidence[2],
      });
    }
    return texts.fields[path] || path;
  }

  function firstMessage(errors) {
    const paths = Object.keys(errors);
    if (!paths.length) return texts.no_reason;
    const path = paths[0];
    return (path === "_" ? "" : fieldName(path) + ": ") + shown(errors[path][0]);
  }

  function time() {
    return new Date().toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
  }

  function refreshProgress() {
    const sections = Array.from(form.querySelectorAll("[data-question]"));
    const chosen = sections.map(choiceOf);
    const applicable = chosen.filter(function (c) { return c !== "na"; }).length;
    const answered = chosen.filter(function (c) { return c && c !== "na"; }).length;
    const pillar = document.querySelector('.pillar-nav [aria-current="page"] + .count');
    if (pillar) pillar.textContent = answered + " / " + applicable;
    let totalAnswered = 0;
    let totalApplicable = 0;
    document.querySelectorAll("[data-pillar-progress]").forEach(function (element) {
      const parts = element.textContent.split("/");
      totalAnswered += parseInt(parts[0], 10);
      totalApplicable += parseInt(parts[1], 10);
    });
    const overall = document.getElementById("completeness");
    if (overall && totalApplicable) {
      const percent = new Intl.NumberFormat(language, { style: "percent" }).format(totalAnswered / totalApplicable);
      overall.textContent = fill(texts.answered, { percent: percent });
    }
  }

  function settleEvidence(section) {
    evidenceRows(section).forEach(function (row) {
      const removed = row.querySelector('[data-evidence="remove"]');
      if (removed && removed.checked) row.remove();
    });
    const blank = section.querySelector("[data-blank-row]");
    if (!blank) return;
    const url = blank.querySelector('[data-evidence="url"]').value.trim();
    const title = blank.querySelector('[data-evidence="title"]').value.trim();
    if (!url && !title) return;
    blank.removeAttribute("data-blank-row");
    addBlankRow(section, blank);
  }

  function nextIndex(section) {
    let highest = -1;
    section.querySelectorAll("[data-evidence]").forEach(function (input) {
      const match = /-evidence-(\d+)-/.exec(input.name);
      if (match) highest = Math.max(highest, parseInt(match[1], 10));
    });
    return highest + 1;
  }

  function addBlankRow(section, template) {
    const index = nextIndex(section);
    const row = template.cloneNode(true);
    row.setAttribute("data-blank-row", "");
    row.querySelectorAll("[id], [for], [name]").forEach(function (element) {
      ["id", "for", "name"].forEach(function (attribute) {
        const value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, value.replace(/-evidence-\d+-/, "-evidence-" + index + "-"));
      });
    });
    row.querySelectorAll("input").forEach(function (input) {
      if (input.type === "checkbox") input.closest(".choice").remove();
      else input.value = "";
      input.removeAttribute("aria-invalid");
    });
    row.querySelectorAll(".field-error").forEach(function (element) { element.remove(); });
    section.querySelector("[data-evidence-list]").append(row);
  }

  function showConflict(section, current, mine) {
    const old = section.querySelector(".conflict");
    if (old) old.remove();
    const box = document.createElement("div");
    box.className = "conflict";
    box.setAttribute("role", "alert");
    const describe = function (answer) {
      let words;
      if (!answer) return texts.no_answer;
      if (answer.level !== null && answer.level !== undefined) words = fill(texts.level, { level: answer.level });
      else words = answer.not_applicable ? texts.not_applicable : texts.insufficient_information;
      return answer.rationale ? fill(texts.with_rationale, { answer: words, rationale: answer.rationale }) : words;
    };
    const text = document.createElement("p");
    text.textContent = fill(texts.conflict, { theirs: describe(current), yours: describe(mine) });
    const keep = document.createElement("button");
    keep.type = "button";
    keep.textContent = texts.keep_mine;
    keep.addEventListener("click", function () {
      field(section, "version").value = current ? current.version : "";
      box.remove();
      save(section);
    });
    const take = document.createElement("button");
    take.type = "button";
    take.textContent = texts.take_theirs;
    take.addEventListener("click", function () { window.location.reload(); });
    box.append(text, keep, " ", take);
    section.querySelector("h2").after(box);
    keep.focus();
  }

  async function save(section) {
    const state = stateOf(section);
    clearTimeout(state.timer);
    state.timer = null;
    if (state.inFlight) {
      state.dirty = true;
      return state.inFlight;
    }
    const body = bodyOf(section);
    if (!choiceOf(section)) {
      setStatus(section, texts.choose_first);
      return null;
    }
    state.dirty = false;
    setStatus(section, texts.saving);
    state.inFlight = send(section, body).finally(function () {
      state.inFlight = null;
      if (state.dirty) save(section);
    });
    return state.inFlight;
  }

  async function send(section, body) {
    const state = stateOf(section);
    let response;
    try {
      response = await fetch(api + "/answers/" + encodeURIComponent(section.dataset.question), {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
        body: JSON.stringify(body),
      });
    } catch (error) {
      state.failed = true;
      setStatus(section, texts.unreachable, true);
      return;
    }
    const data = await response.json().catch(function () { return {}; });
    if (response.ok) {
      state.failed = false;
      field(section, "version").value = data.version;
      showMessages(section, data.problems || {});
      settleEvidence(section);
      refreshProgress();
      setStatus(section, fill(texts.saved, { time: time() }));
      return;
    }
    state.failed = true;
    if (response.status === 409 && "current" in data) {
      showConflict(section, data.current, body);
      setStatus(section, texts.changed_meanwhile, false);
    } else if (response.status === 422) {
      showMessages(section, data.errors || {});
      setStatus(section, fill(texts.refused, { reason: firstMessage(data.errors || {}) }), true);
    } else if (response.status === 401 || response.status === 400) {
      setStatus(section, texts.session_ended, true);
    } else {
      setStatus(section, fill(texts.refused, { reason: firstMessage(data.errors || {}) }), true);
    }
  }

  function schedule(section, delay) {
    const state = stateOf(section);
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { save(section); }, delay);
  }

  form.addEventListener("change", function (event) {
    const section = event.target.closest("[data-question]");
    if (section) schedule(section, event.target.matches("textarea, input[type=text], input[type=url]") ? TEXT_DELAY : CHOICE_DELAY);
  });
  form.addEventListener("input", function (event) {
    const section = event.target.closest("[data-question]");
    if (!section) return;
    if (event.target.matches('[data-field="rationale"]')) {
      stateOf(section).rationaleTyped = true;
      event.target.lang = language;
    }
    if (event.target.matches("textarea, input[type=text], input[type=url]")) schedule(section, TEXT_DELAY);
  });

  form.addEventListener("submit", async function (event) {
    if (form.dataset.flushed) return;
    event.preventDefault();
    const pending = [];
    states.forEach(function (state, section) {
      if (state.timer || state.inFlight) pending.push(save(section));
    });
    await Promise.all(pending);
    const go = document.createElement("input");
    go.type = "hidden";
    go.name = "go";
    go.value = event.submitter ? event.submitter.value : "";
    form.append(go);
    form.querySelectorAll('button[name="go"]').forEach(function (button) { button.disabled = true; });
    form.dataset.flushed = "1";
    form.submit();
  });

  window.addEventListener("beforeunload", function (event) {
    let unsaved = false;
    states.forEach(function (state) { if (state.timer || state.inFlight || state.failed) unsaved = true; });
    if (unsaved && !form.dataset.flushed) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
