// pocketrag chat page: plain JavaScript, no build step, no third-party code.
// All document text is inserted with textContent / createElement, never innerHTML.
"use strict";

const $ = (id) => document.getElementById(id);
const KEY_STORE = "pocketrag.key";
const state = { history: [], busy: false, keyResolve: null };

// --- small helpers -------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function pagesLabel(c) {
  if (c.page_start === null || c.page_start === undefined) return "";
  if (c.page_end === null || c.page_end === undefined || c.page_end === c.page_start) return `page ${c.page_start}`;
  return `pages ${c.page_start}–${c.page_end}`;
}

function storedKey() { return sessionStorage.getItem(KEY_STORE) || ""; }

function authHeaders() {
  const key = storedKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message;
  } catch (_) { /* not JSON */ }
  return `${response.status} ${response.statusText}`;
}

// Ask for the key in a small dialog; resolves to the key or null.
function askForKey(why) {
  $("key-why").textContent = why;
  $("key-input").value = "";
  openSheet($("key-dialog"), $("key-input"));
  return new Promise((resolve) => { state.keyResolve = resolve; });
}

// fetch that asks for a key on 401/403 and retries once with it.
async function apiFetch(url, options = {}, why = "This server needs a key.") {
  const send = () => fetch(url, { ...options, headers: { ...(options.headers || {}), ...authHeaders() } });
  let response = await send();
  if (response.status === 401 || (response.status === 403 && (await peekCode(response)) === "invalid_key")) {
    const key = await askForKey(response.status === 403 ? "The key was not accepted. " + why : why);
    if (!key) return response;
    sessionStorage.setItem(KEY_STORE, key);
    response = await send();
    refreshStatus();  // /ready needs the key too on such a server
  }
  return response;
}

async function peekCode(response) {
  try { return (await response.clone().json()).error.code; } catch (_) { return ""; }
}

// --- dialogs (source snippet, key) ------------------------------------------------------
let lastFocus = null;
function openSheet(sheet, focusTarget) {
  lastFocus = document.activeElement;
  sheet.hidden = false;
  (focusTarget || sheet.querySelector("button")).focus();
}
function closeSheet(sheet) {
  sheet.hidden = true;
  if (lastFocus) lastFocus.focus();
}

function showSource(c) {
  $("source-title").textContent = `[${c.n}] ${c.title || c.source}`;
  const bits = [pagesLabel(c), c.heading ? `section: ${c.heading}` : ""].filter(Boolean);
  $("source-meta").textContent = bits.join(" · ") || "";
  $("source-text").textContent = c.snippet || c.text || "";
  $("source-file").textContent = c.source ? `File: ${c.source}` : "";
  openSheet($("source-dialog"), $("source-close"));
}

// --- chat ---------------------------------------------------------------------------------
function addUserMessage(text) {
  $("hint").hidden = true;
  const node = el("article", { class: "msg user", "aria-label": "You asked" }, el("p", {}, text));
  $("log").append(node);
  node.scrollIntoView({ block: "end" });
}

function addAnswerShell() {
  const body = el("p", { class: "answer-text" });
  const meta = el("div", { class: "answer-meta" });
  const chips = el("div", { class: "chips", role: "group", "aria-label": "Sources" });
  const node = el("article", { class: "msg bot streaming", "aria-label": "Answer", "aria-busy": "true" },
    meta, body, chips);
  $("log").append(node);
  return { node, body, meta, chips, text: "" };
}

// Render answer text, turning [n] markers into buttons that open the source.
function renderAnswer(shell, text, citations) {
  const byN = new Map((citations || []).map((c) => [Number(c.n), c]));
  shell.body.replaceChildren();
  const parts = text.split(/(\[\d{1,3}\])/);
  for (const part of parts) {
    const m = /^\[(\d{1,3})\]$/.exec(part);
    if (m && byN.has(Number(m[1]))) {
      const c = byN.get(Number(m[1]));
      shell.body.append(el("button", {
        type: "button", class: "cite", "aria-label": `Source ${c.n}: ${c.title || c.source}`,
        onclick: () => showSource(c),
      }, `[${c.n}]`));
    } else if (part) {
      shell.body.append(document.createTextNode(part));
    }
  }
}

function renderChips(shell, citations) {
  shell.chips.replaceChildren();
  for (const c of citations || []) {
    const where = [pagesLabel(c), c.heading].filter(Boolean).join(" · ");
    shell.chips.append(el("button", {
      type: "button", class: "chip", onclick: () => showSource(c),
      "aria-label": `Open source ${c.n}: ${c.title || c.source}${where ? ", " + where : ""}`,
    }, el("span", { class: "chip-n" }, String(c.n)), el("span", { class: "chip-t" }, c.title || c.source),
      where ? el("span", { class: "chip-w" }, where) : null));
  }
}

function finishAnswer(shell, answer) {
  shell.node.classList.remove("streaming");
  shell.node.removeAttribute("aria-busy");
  shell.text = answer.answer;
  if (answer.refused) {
    shell.node.classList.add("refused");
    shell.meta.replaceChildren(el("span", { class: "badge refusal" }, "Not found in the documents"));
    shell.body.textContent = answer.answer;
    const closest = answer.closest_sources || [];
    if (closest.length) {
      renderChips(shell, closest.map((h, i) => ({ ...h, n: i + 1, snippet: h.text })));
      shell.chips.prepend(el("span", { class: "muted small" }, "Closest passages:"));
    }
  } else {
    const labels = [];
    if (answer.mode === "extractive") {
      labels.push(el("span", { class: "badge extractive", title: "Quoted from the documents; no language model wrote this." },
        "Extractive answer — quoted from the documents"));
    }
    shell.meta.replaceChildren(...labels);
    renderAnswer(shell, answer.mode === "extractive" ? withoutNotice(answer) : answer.answer, answer.citations);
    renderChips(shell, answer.citations);
  }
  // The badge already says "extractive"; show other notices (e.g. "the LLM failed") once.
  for (const old of shell.node.querySelectorAll(".notice")) old.remove();
  if (answer.notice && !(answer.mode === "extractive" && /extractive/i.test(answer.notice))) {
    shell.node.append(el("p", { class: "notice" }, answer.notice));
  }
}

// The answer text may end with "(<notice>)"; the badge shows that, so it is not repeated.
function withoutNotice(answer) {
  const tail = answer.notice ? `(${answer.notice})` : null;
  const text = answer.answer || "";
  return tail && text.trimEnd().endsWith(tail) ? text.trimEnd().slice(0, -tail.length).trimEnd() : text;
}

function failAnswer(shell, message) {
  shell.node.classList.remove("streaming");
  shell.node.classList.add("failed");
  shell.node.removeAttribute("aria-busy");
  shell.meta.replaceChildren(el("span", { class: "badge error" }, "Error"));
  shell.body.textContent = message;
}

// Parse Server-Sent Events from a fetch body: yields {event, data}.
async function* readSSE(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = "message";
      const data = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

async function ask(question) {
  state.busy = true;
  $("send").disabled = true;
  addUserMessage(question);
  const shell = addAnswerShell();
  shell.meta.replaceChildren(el("span", { class: "muted small" }, "Searching the documents…"));
  try {
    const response = await apiFetch("/v1/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ question, history: state.history.slice(-8), stream: true }),
    }, "Asking questions on this server needs a key.");
    if (!response.ok) throw new Error(await errorMessage(response));
    let finished = false;
    for await (const { event, data } of readSSE(response)) {
      if (event === "token") {
        if (!shell.text) shell.meta.replaceChildren();
        shell.text += data.text;
        shell.body.textContent = shell.text;
      } else if (event === "notice") {
        shell.node.append(el("p", { class: "notice" }, data.message));
      } else if (event === "done") {
        finishAnswer(shell, data);
        finished = true;
        state.history.push({ role: "user", content: question }, { role: "assistant", content: data.answer });
      } else if (event === "error") {
        throw new Error((data.error && data.error.message) || "The answer failed.");
      }
    }
    if (!finished) throw new Error("The connection closed before the answer was complete.");
  } catch (err) {
    failAnswer(shell, err.message || String(err));
  } finally {
    state.busy = false;
    $("send").disabled = false;
    shell.node.scrollIntoView({ block: "end" });
  }
}

// --- documents panel ----------------------------------------------------------------------
// "collection/name" of the stored documents, so an upload of a name already stored asks
// whether to replace it (the server otherwise keeps both: "policy (2).pdf").
const storedNames = new Set();
const UPLOAD_COLLECTION = "default";

async function loadDocuments() {
  const list = $("doc-list");
  const response = await apiFetch("/v1/documents", {}, "Listing documents on this server needs a key.");
  if (!response.ok) {
    list.replaceChildren(el("li", { class: "error" }, await errorMessage(response)));
    return;
  }
  const docs = await response.json();
  storedNames.clear();
  docs.forEach((d) => storedNames.add(`${d.collection}/${d.source}`));
  $("doc-empty").hidden = docs.length > 0;
  list.replaceChildren(...docs.map((d) => {
    const facts = [d.doc_type.toUpperCase(), d.pages ? `${d.pages} pages` : "", `${d.chunk_count} passages`]
      .filter(Boolean).join(" · ");
    return el("li", { class: "doc" },
      el("div", { class: "doc-main" }, el("span", { class: "doc-title" }, d.title || d.source),
        el("span", { class: "muted small" }, facts), el("span", { class: "muted small doc-src" }, d.source)),
      el("button", {
        type: "button", class: "ghost danger", "aria-label": `Delete ${d.title || d.source}`,
        onclick: () => deleteDocument(d),
      }, "Delete"));
  }));
}

async function deleteDocument(doc) {
  if (!window.confirm(`Delete "${doc.title || doc.source}" from the index?`)) return;
  const response = await apiFetch(`/v1/documents/${encodeURIComponent(doc.id)}`, { method: "DELETE" },
    "Deleting documents needs the server's API key.");
  if (!response.ok) window.alert(await errorMessage(response));
  await loadDocuments();
  refreshStatus();
}

async function upload(file) {
  const row = el("div", { class: "job" }, el("span", { class: "job-name" }, file.name));
  const bar = el("progress", { max: "1", "aria-label": `Progress for ${file.name}` });
  const label = el("span", { class: "muted small job-state" }, "uploading…");
  row.append(bar, label);
  $("jobs").prepend(row);
  const replace = storedNames.has(`${UPLOAD_COLLECTION}/${file.name}`) && window.confirm(
    `"${file.name}" is already in the index.\n\nOK: replace it with this file.\n` +
    "Cancel: keep both (a different file is stored under a numbered name).");
  const form = new FormData();
  form.append("file", file);
  if (replace) form.append("replace", "true");
  const response = await apiFetch("/v1/documents", { method: "POST", body: form },
    "Uploading documents needs the server's API key.");
  if (!response.ok) {
    row.classList.add("failed");
    label.textContent = await errorMessage(response);
    bar.remove();
    return;
  }
  let job = await response.json();
  while (job.state === "queued" || job.state === "running") {
    bar.value = job.progress.fraction || 0;
    label.textContent = job.state === "queued" ? "waiting…" : `${job.progress.stage || "working"}…`;
    await new Promise((r) => setTimeout(r, 500));
    const poll = await apiFetch(`/v1/jobs/${job.id}`);
    if (!poll.ok) { label.textContent = await errorMessage(poll); return; }
    job = await poll.json();
  }
  bar.value = 1;
  if (job.state === "failed") {
    row.classList.add("failed");
    label.textContent = `Failed: ${job.error}`;
  } else {
    row.classList.add("done");
    const result = { added: "added", updated: "replaced", unchanged: "already up to date" }[job.result] || job.result;
    label.textContent = job.source && job.source !== job.filename ? `${result} as "${job.source}"` : result;
  }
  await loadDocuments();
  refreshStatus();
}

// --- status line --------------------------------------------------------------------------
async function refreshStatus() {
  try {
    // With POCKETRAG_QUERY_KEY set, /ready needs the key: say so rather than "unreachable".
    const response = await fetch("/ready", { headers: authHeaders() });
    if (response.status === 401 || response.status === 403) {
      $("status").textContent = "This server needs a key (asked for with your first question)";
      return;
    }
    const body = await response.json();
    const llm = body.components.llm.configured
      ? (body.components.llm.breaker === "open" ? "LLM paused (answers are extractive)" : `LLM: ${body.components.llm.model}`)
      : "extractive answers (no LLM configured)";
    const docs = body.documents === null || body.documents === undefined ? "" : `${body.documents} documents · `;
    $("status").textContent = body.ready ? `${docs}${llm}` : "Starting up (loading the model)…";
    if (!body.ready) setTimeout(refreshStatus, 1500);
  } catch (_) {
    $("status").textContent = "Server unreachable";
  }
}

// --- wiring ---------------------------------------------------------------------------------
function init() {
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const question = $("question").value.trim();
    if (!question || state.busy) return;
    $("question").value = "";
    ask(question);
  });
  $("question").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  const toggleDocs = (open) => {
    const panel = $("docs-panel");
    panel.hidden = !open;
    $("docs-toggle").setAttribute("aria-expanded", String(open));
    if (open) { loadDocuments(); $("file").focus(); } else { $("docs-toggle").focus(); }
  };
  $("docs-toggle").addEventListener("click", () => toggleDocs($("docs-panel").hidden));
  $("docs-close").addEventListener("click", () => toggleDocs(false));
  $("upload-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const file = $("file").files[0];
    if (file) upload(file);
    $("upload-form").reset();
  });
  $("forget-key").addEventListener("click", () => sessionStorage.removeItem(KEY_STORE));
  $("source-close").addEventListener("click", () => closeSheet($("source-dialog")));
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    closeSheet($("key-dialog"));
    if (state.keyResolve) state.keyResolve($("key-input").value.trim() || null);
    state.keyResolve = null;
  });
  $("key-cancel").addEventListener("click", () => {
    closeSheet($("key-dialog"));
    if (state.keyResolve) state.keyResolve(null);
    state.keyResolve = null;
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    if (!$("source-dialog").hidden) closeSheet($("source-dialog"));
    if (!$("key-dialog").hidden) $("key-cancel").click();
  });
  $("source-dialog").addEventListener("click", (e) => {
    if (e.target === $("source-dialog")) closeSheet($("source-dialog"));
  });
  $("key-dialog").addEventListener("click", (e) => {
    if (e.target === $("key-dialog")) $("key-cancel").click();
  });
  refreshStatus();
  $("question").focus();
}

document.addEventListener("DOMContentLoaded", init);
