// Autosave for the questionnaire: each question is saved through the API shortly after it
// changes, with its state announced ("Saving…", "Saved 14:02", "Saved 14:02, but it cannot
// be submitted yet: …", "Not saved: … Retry"). What is typed is also kept in this browser
// until the server has it, so that a reload, a lost connection or an ended session loses
// nothing. Without this script the page still works: its Save button posts the whole pillar.
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
  const TEXT_INPUTS = "textarea, input[type=text], input[type=url]";
  // An address typed without its scheme, as the server recognises it: a host with a dot.
  const BARE_ADDRESS = /^[^\s/?#@:]+\.[^\s/?#@:]+(?:[/?#]\S*)?$/;
  const EVIDENCE_PATH = /^evidence\[(\d+)\]\.(\w+)$/;
  const states = new Map();

  function sections() {
    return Array.from(form.querySelectorAll("[data-question]"));
  }

  function stateOf(section) {
    if (!states.has(section)) {
      states.set(section, {
        timer: null,
        inFlight: null,
        dirty: false,
        failed: false,
        unsaved: false,
        rationaleTyped: false,
        ready: section.hasAttribute("data-ready"),
        storedChoice: section.dataset.storedChoice || "",
      });
    }
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

  function rowValue(row, name) {
    const input = row.querySelector('[data-evidence="' + name + '"]');
    if (!input) return "";
    return input.type === "checkbox" ? input.checked : input.value.trim();
  }

  // The rows sent to the server, in order: not removed, with something typed in them.
  function sentRows(section) {
    return evidenceRows(section).filter(function (row) {
      if (rowValue(row, "remove")) return false;
      return ["url", "title", "accessed_on", "note"].some(function (name) { return rowValue(row, name); });
    });
  }

  function evidenceOf(section) {
    return sentRows(section).map(function (row) {
      return {
        url: rowValue(row, "url"),
        title: rowValue(row, "title"),
        accessed_on: rowValue(row, "accessed_on"),
        note: rowValue(row, "note"),
      };
    });
  }

  // What the assessor has typed in a question, as kept in this browser.
  function valuesOf(section) {
    const reason = field(section, "change_reason");
    return {
      choice: choiceOf(section),
      rationale: field(section, "rationale").value,
      change_reason: reason ? reason.value : "",
      evidence: evidenceOf(section),
    };
  }

  function bodyOf(section) {
    const values = valuesOf(section);
    const version = field(section, "version").value;
    const body = {
      rationale: values.rationale,
      evidence: values.evidence,
      version: version ? parseInt(version, 10) : null,
    };
    if (field(section, "change_reason")) body.change_reason = values.change_reason || null;
    // Typed on this page, the rationale is taken to be in the page's language.
    if (stateOf(section).rationaleTyped) body.rationale_language = language;
    if (/^[0-4]$/.test(values.choice)) body.level = parseInt(values.choice, 10);
    else if (values.choice === "na") body.not_applicable = true;
    else if (values.choice === "ii") body.insufficient_information = true;
    return body;
  }

  // What is typed but not yet saved stays in this browser until the server has it.
  function draftKey(section) {
    return "assessor:draft:" + form.dataset.assessment + ":" + section.dataset.question;
  }

  function keepDraft(section) {
    const draft = { version: field(section, "version").value, values: valuesOf(section) };
    try {
      window.localStorage.setItem(draftKey(section), JSON.stringify(draft));
    } catch (error) {
      // Storage full or refused: the server-side save is the only copy then.
    }
  }

  function readDraft(section) {
    try {
      return JSON.parse(window.localStorage.getItem(draftKey(section)) || "null");
    } catch (error) {
      return null;
    }
  }

  function dropDraft(section) {
    try {
      window.localStorage.removeItem(draftKey(section));
    } catch (error) {
      // Nothing to drop.
    }
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

  // Messages by field path ("rationale", "evidence", "evidence[1].title"), shown beside
  // their fields; an evidence row is the n-th row sent.
  function showMessages(section, messages) {
    section.querySelectorAll("[data-message], [data-row-message]").forEach(function (element) {
      element.textContent = "";
    });
    section.querySelectorAll("[aria-invalid]").forEach(function (element) { element.removeAttribute("aria-invalid"); });
    const rows = sentRows(section);
    Object.keys(messages).forEach(function (path) {
      const text = messages[path].map(shown).join(" ");
      const match = EVIDENCE_PATH.exec(path);
      if (!match) {
        const element = section.querySelector('[data-message="' + path + '"]');
        if (element) element.textContent = text;
        return;
      }
      const row = rows[parseInt(match[1], 10)];
      if (!row) return;
      const input = row.querySelector('[data-evidence="' + match[2] + '"]');
      const message = row.querySelector('[data-row-message="' + match[2] + '"]');
      if (input) input.setAttribute("aria-invalid", "true");
      if (message) message.textContent = text;
    });
  }

  function fieldName(path) {
    const evidence = EVIDENCE_PATH.exec(path);
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
    return (path === "_" ? "" : fieldName(path) + ": ") + shown(errors[path][0]).replace(/\.$/, "");
  }

  function time() {
    return new Date().toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
  }

  // A question counts once its stored answer could be submitted as it is.
  function refreshProgress() {
    let applicable = 0;
    let answered = 0;
    sections().forEach(function (section) {
      const state = stateOf(section);
      if (state.ready && state.storedChoice === "na") return;
      applicable += 1;
      if (state.ready) answered += 1;
    });
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
      if (rowValue(row, "remove")) row.remove();
    });
    const blank = section.querySelector("[data-blank-row]");
    if (!blank) return;
    const typed = ["url", "title", "accessed_on", "note"].some(function (name) { return rowValue(blank, name); });
    if (!typed) return;
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
    row.querySelectorAll("[id], [for], [name], [aria-describedby]").forEach(function (element) {
      ["id", "for", "name", "aria-describedby"].forEach(function (attribute) {
        const value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, value.replace(/-evidence-\d+-/g, "-evidence-" + index + "-"));
      });
    });
    row.querySelectorAll("input").forEach(function (input) {
      if (input.type === "checkbox") input.closest(".choice").remove();
      else input.value = "";
      input.removeAttribute("aria-invalid");
    });
    row.querySelectorAll("[data-row-message]").forEach(function (element) { element.textContent = ""; });
    section.querySelector("[data-evidence-list]").append(row);
    return row;
  }

  // An address typed as "example.org/report" gets https:// in front, as the server would
  // store it, and the field says so.
  function completeAddress(input) {
    const value = input.value.trim();
    if (!BARE_ADDRESS.test(value)) return;
    input.value = "https://" + value;
    const message = input.closest(".field").querySelector("[data-row-message]");
    if (message) message.textContent = texts.scheme_added;
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
    take.addEventListener("click", function () {
      dropDraft(section);
      window.location.reload();
    });
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
    if (!choiceOf(section)) {
      state.unsaved = true;
      setStatus(section, texts.choose_first);
      return null;
    }
    const body = bodyOf(section);
    state.dirty = false;
    setStatus(section, texts.saving);
    state.inFlight = send(section, body).finally(function () {
      state.inFlight = null;
      if (state.dirty) save(section);
    });
    return state.inFlight;
  }

  function saved(section, data, sent) {
    const state = stateOf(section);
    const problems = data.problems || {};
    state.failed = false;
    state.unsaved = false;
    state.ready = Object.keys(problems).length === 0;
    state.storedChoice = choiceOf(section);
    field(section, "version").value = data.version;
    if (!state.dirty && !state.timer && JSON.stringify(valuesOf(section)) === sent) dropDraft(section);
    else keepDraft(section);
    showMessages(section, problems);
    settleEvidence(section);
    refreshProgress();
    if (state.ready) setStatus(section, fill(texts.saved, { time: time() }));
    else setStatus(section, fill(texts.saved_not_ready, { time: time(), reason: firstMessage(problems) }));
  }

  async function send(section, body) {
    const state = stateOf(section);
    const sent = JSON.stringify(valuesOf(section));
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
      saved(section, data, sent);
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

  // Puts values kept in this browser back into a question's fields.
  function restore(section, values) {
    section.querySelectorAll('[data-field="choice"]').forEach(function (input) {
      input.checked = input.value === values.choice;
    });
    const rationale = field(section, "rationale");
    if (rationale.value !== values.rationale) {
      rationale.value = values.rationale;
      stateOf(section).rationaleTyped = true;
      rationale.lang = language;
    }
    const reason = field(section, "change_reason");
    if (reason) reason.value = values.change_reason;
    evidenceRows(section).forEach(function (row) {
      if (!row.hasAttribute("data-blank-row")) row.remove();
    });
    values.evidence.forEach(function (item) {
      const row = section.querySelector("[data-blank-row]");
      ["url", "title", "accessed_on", "note"].forEach(function (name) {
        row.querySelector('[data-evidence="' + name + '"]').value = item[name] || "";
      });
      row.removeAttribute("data-blank-row");
      addBlankRow(section, row);
    });
  }

  function restoreAndSave(section, values) {
    restore(section, values);
    keepDraft(section);
    if (choiceOf(section)) {
      setStatus(section, texts.restored);
      save(section);
    } else {
      stateOf(section).unsaved = true;
      setStatus(section, texts.restored_choose_first);
    }
  }

  function offerOutdatedDraft(section, draft) {
    const box = document.createElement("div");
    box.className = "conflict";
    box.setAttribute("role", "alert");
    const text = document.createElement("p");
    text.textContent = texts.draft_outdated;
    const restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.textContent = texts.restore;
    restoreButton.addEventListener("click", function () {
      box.remove();
      restoreAndSave(section, draft.values);
    });
    const discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = texts.discard;
    discard.addEventListener("click", function () {
      box.remove();
      dropDraft(section);
    });
    box.append(text, restoreButton, " ", discard);
    section.querySelector("h2").after(box);
  }

  function restoreDrafts() {
    sections().forEach(function (section) {
      const draft = readDraft(section);
      if (!draft || !draft.values) return;
      if (JSON.stringify(draft.values) === JSON.stringify(valuesOf(section))) {
        dropDraft(section);
      } else if (draft.version === field(section, "version").value) {
        restoreAndSave(section, draft.values);
      } else {
        offerOutdatedDraft(section, draft);
      }
    });
  }

  function edited(section, event, delay) {
    keepDraft(section);
    stateOf(section).unsaved = true;
    schedule(section, delay);
    if (event.target.matches('[data-field="rationale"]')) {
      stateOf(section).rationaleTyped = true;
      event.target.lang = language;
    }
  }

  form.addEventListener("change", function (event) {
    const section = event.target.closest("[data-question]");
    if (!section) return;
    if (event.target.matches('[data-evidence="url"]')) completeAddress(event.target);
    edited(section, event, event.target.matches(TEXT_INPUTS) ? TEXT_DELAY : CHOICE_DELAY);
  });
  form.addEventListener("input", function (event) {
    const section = event.target.closest("[data-question]");
    if (section && event.target.matches(TEXT_INPUTS)) edited(section, event, TEXT_DELAY);
  });

  // Saving before the page is posted: whatever is pending goes first, then the pillar,
  // with the button pressed (its name and value, which form.submit() would drop).
  form.addEventListener("submit", async function (event) {
    if (form.dataset.flushed) return;
    event.preventDefault();
    const pending = [];
    states.forEach(function (state, section) {
      if (state.timer || state.inFlight) pending.push(save(section));
    });
    await Promise.all(pending);
    const submitter = event.submitter;
    if (submitter && submitter.name) {
      const pressed = document.createElement("input");
      pressed.type = "hidden";
      pressed.name = submitter.name;
      pressed.value = submitter.value;
      form.append(pressed);
    }
    document.querySelectorAll('button[form="questionnaire"], #questionnaire button[type="submit"]').forEach(function (button) {
      button.disabled = true;
    });
    form.dataset.flushed = "1";
    form.submit();
  });

  window.addEventListener("beforeunload", function (event) {
    let unsaved = false;
    states.forEach(function (state) {
      if (state.timer || state.inFlight || state.failed || state.unsaved) unsaved = true;
    });
    if (unsaved && !form.dataset.flushed) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // The outcome of posting the pillar is read first, and each of its links takes the
  // keyboard to the field it names, clear of the sticky save bar.
  const outcome = document.getElementById("save-outcome");
  if (outcome) {
    outcome.focus();
    outcome.addEventListener("click", function (event) {
      const link = event.target.closest('a[href^="#"]');
      const target = link && document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "center" });
    });
  }

  restoreDrafts();
})();
