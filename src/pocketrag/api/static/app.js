// pocketrag chat page: plain JavaScript, no build step, no third-party code.
// All document text is inserted with textContent / createElement, never innerHTML.
// This file is the chat and its sources; conversation.js keeps the conversation (history,
// feedback, copy, examples); admin.js adds the admin's face (documents, questions log)
// once the admin key is entered.
"use strict";

const $ = (id) => document.getElementById(id);
const KEY_STORE = "pocketrag.key";
const CHAT_STORE = "pocketrag.chat";
const COLLECTION_STORE = "pocketrag.collection";
const MAX_KEPT_TURNS = 50;
const state = { history: [], turns: [], busy: false, keyResolve: null };

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
  // "from a scan": the text was read by OCR and may hold recognition errors.
  const scan = c.from_scan ? ", from a scan" : "";
  if (c.page_start === null || c.page_start === undefined) return c.from_scan ? "from a scan" : "";
  if (c.page_end === null || c.page_end === undefined || c.page_end === c.page_start) return `page ${c.page_start}${scan}`;
  return `pages ${c.page_start}–${c.page_end}${scan}`;
}

// Titles and sections as a person reads them (documents.display_names): the title without
// a site suffix ("Expenses | Larkfield Intranet" -> "Expenses"), preferring the part that
// is the first heading; the heading path without leading parts that repeat the title.
const TITLE_PARTS = /\s+[|·•»]\s+|\s+[-–—:]\s+/;
const SITE_PARTS = /\s+[|·•»]\s+/;
function displayTitle(c) {
  const title = c.title || "";
  const parts = title.split(TITLE_PARTS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title || c.source || "";
  const first = (c.heading || "").split(" > ")[0].trim().toLowerCase();
  const match = first && parts.find((p) => p.toLowerCase() === first);
  if (match) return match;
  const site = title.split(SITE_PARTS).map((p) => p.trim()).filter(Boolean);
  return site.length > 1 ? site[0] : title;
}

function section(c) {
  const title = displayTitle(c).trim().toLowerCase();
  const parts = (c.heading || "").split(" > ").filter((p) => p.trim());
  while (parts.length && parts[0].trim().toLowerCase() === title) parts.shift();
  return parts.join(" › ");
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

// fetch with the key if one is kept, never asking for one: for what the page loads by
// itself (collections, examples), which must not greet a colleague with a key dialog.
function quietFetch(url) {
  return fetch(url, { headers: authHeaders() });
}

async function peekCode(response) {
  try { return (await response.clone().json()).error.code; } catch (_) { return ""; }
}

function readJSON(storage, name, fallback) {
  try { return JSON.parse(storage.getItem(name)) || fallback; } catch (_) { return fallback; }
}

// --- dialogs (source passage, key) --------------------------------------------------------
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

// Put `text` into `box` with the quoted part marked; the quote's spacing may differ and it
// may end in "…" (citations.best_snippet), so words are matched across any whitespace.
function markQuote(box, text, quote) {
  box.replaceChildren();
  const words = (quote || "").replace(/\s*…\s*$/, "").trim().split(/\s+/).filter(Boolean);
  if (text && words.length) {
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
    const m = pattern.exec(text);
    if (m) {
      box.append(text.slice(0, m.index), el("mark", {}, m[0]), text.slice(m.index + m[0].length));
      return true;
    }
  }
  box.textContent = text || quote || "";
  return false;
}

function showSource(c) {
  $("source-title").textContent = `[${c.n}] ${displayTitle(c)}`;
  const where = section(c);
  const bits = [pagesLabel(c), where ? `section: ${where}` : ""].filter(Boolean);
  $("source-meta").textContent = bits.join(" · ") || "";
  const marked = markQuote($("source-text"), c.text || c.snippet || "", c.snippet);
  $("source-quote-note").hidden = !marked;
  $("source-file").replaceChildren(c.source ? `File: ${c.source}` : "");
  if (c.document_id) $("source-file").append(c.source ? " · " : "", originalLink(c));
  openSheet($("source-dialog"), $("source-close"));
  const mark = $("source-text").querySelector("mark");
  if (mark) mark.scrollIntoView({ block: "center" });
}

// The kept original file, at the cited page for PDFs (the browser's viewer reads #page=N).
function originalLink(c) {
  const isPdf = /\.pdf$/i.test(c.source || "");
  const page = isPdf && c.page_start ? c.page_start : null;
  const href = `/v1/documents/${encodeURIComponent(c.document_id)}/file${page ? `#page=${page}` : ""}`;
  return el("a", { id: "source-open", href, target: "_blank", rel: "noopener", onclick: (e) => openWithKey(e, href) },
    page ? `Open the original at page ${page}` : "Open the original");
}

// A plain link cannot send the key: with one stored, fetch the file and open it as a blob.
async function openWithKey(event, href) {
  if (!storedKey()) return;
  event.preventDefault();
  const tab = window.open("", "_blank");
  const response = await apiFetch(href.split("#")[0], {}, "Opening documents needs a key.");
  if (!response.ok) { if (tab) tab.close(); return; }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location = url + (href.includes("#") ? "#" + href.split("#")[1] : "");
}

// --- chat -----------------------------------------------------------------------------------
function showEmptyState(empty) {
  $("hint").hidden = !empty;
}

function addUserMessage(text) {
  showEmptyState(false);
  const node = el("article", { class: "msg user", "aria-label": "You asked" }, el("p", {}, text));
  $("log").append(node);
  node.scrollIntoView({ block: "end" });
}

function addAnswerShell() {
  const body = el("p", { class: "answer-text" });
  const meta = el("div", { class: "answer-meta" });
  const chips = el("div", { class: "chips", role: "group", "aria-label": "Sources" });
  const actions = el("div", { class: "actions" });
  const node = el("article", { class: "msg bot streaming", "aria-label": "Answer", "aria-busy": "true" },
    meta, body, chips, actions);
  $("log").append(node);
  return { node, body, meta, chips, actions, text: "" };
}

// Render answer text, turning [n] markers into buttons that open the source and marking
// the key sentence (extractive answers name it; it holds no marker).
function renderAnswer(shell, text, citations, key = null) {
  const byN = new Map((citations || []).map((c) => [Number(c.n), c]));
  shell.body.replaceChildren();
  const parts = text.split(/(\[\d{1,3}\])/);
  for (const part of parts) {
    const at = key ? part.indexOf(key) : -1;
    if (at >= 0) {
      shell.body.append(part.slice(0, at), el("mark", { class: "key" }, key), part.slice(at + key.length));
      key = null;
      continue;
    }
    const m = /^\[(\d{1,3})\]$/.exec(part);
    if (m && byN.has(Number(m[1]))) {
      const c = byN.get(Number(m[1]));
      shell.body.append(el("button", {
        type: "button", class: "cite", "aria-label": `Source ${c.n}: ${displayTitle(c)}`,
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
    const where = [section(c), pagesLabel(c)].filter(Boolean).join(" · ");
    shell.chips.append(el("button", {
      type: "button", class: "chip", onclick: () => showSource(c),
      "aria-label": `Open source ${c.n}: ${displayTitle(c)}${where ? ", " + where : ""}`,
    }, el("span", { class: "chip-n" }, String(c.n)), el("span", { class: "chip-t" }, displayTitle(c)),
      where ? el("span", { class: "chip-w" }, where) : null));
  }
}

// A refusal names the closest sections; the chips show them, so the text does not repeat them.
function refusalSentence(text) {
  const cut = (text || "").indexOf(" The closest sections were:");
  return cut > 0 ? text.slice(0, cut) : text;
}

function finishAnswer(shell, answer, turn) {
  shell.node.classList.remove("streaming");
  shell.node.removeAttribute("aria-busy");
  shell.text = answer.answer;
  const closest = answer.closest_sources || [];
  if (answer.refused) {
    shell.node.classList.add("refused");
    shell.meta.replaceChildren(el("span", { class: "badge refusal" }, "Not found in the documents"));
    shell.body.textContent = closest.length ? refusalSentence(answer.answer) : answer.answer;
    if (closest.length) {
      renderChips(shell, closest.map((h, i) => ({ ...h, n: i + 1 })));
      shell.chips.prepend(el("span", { class: "muted small" }, "Closest sections:"));
    }
  } else {
    const labels = [];
    if (answer.confidence === "low" || answer.outcome === "hedged") {
      shell.node.classList.add("hedged");
      labels.push(el("span", { class: "badge hedged", title: "The documents come close but may not answer this exactly: check the sources." },
        "May not answer your question directly"));
    }
    if (answer.mode === "extractive") {
      labels.push(el("span", { class: "badge extractive", title: "Quoted from the documents; no language model wrote this." },
        "Extractive answer — quoted from the documents"));
    }
    shell.meta.replaceChildren(...labels);
    renderAnswer(shell, answer.mode === "extractive" ? withoutNotice(answer) : answer.answer, answer.citations,
      answer.key_sentence);
    renderChips(shell, answer.citations);
  }
  // The badge already says "extractive"; show other notices (e.g. "the LLM failed") once.
  for (const old of shell.node.querySelectorAll(".notice")) old.remove();
  if (answer.notice && !(answer.mode === "extractive" && /extractive/i.test(answer.notice))) {
    shell.node.insertBefore(el("p", { class: "notice" }, answer.notice), shell.actions);
  }
  renderActions(shell, answer, turn);
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

function currentCollection() { return $("collection-picker").hidden ? null : ($("collection").value || null); }

async function ask(question) {
  state.busy = true;
  $("send").disabled = true;
  addUserMessage(question);
  const shell = addAnswerShell();
  shell.meta.replaceChildren(el("span", { class: "muted small" }, "Searching the documents…"));
  try {
    const collection = currentCollection();
    const response = await apiFetch("/v1/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ question, history: state.history.slice(-8), stream: true, ...(collection ? { collection } : {}) }),
    }, "Asking questions on this server needs a key.");
    if (!response.ok) throw new Error(await errorMessage(response));
    let finished = false;
    for await (const { event, data } of readSSE(response)) {
      if (event === "token") {
        if (!shell.text) shell.meta.replaceChildren();
        shell.text += data.text;
        shell.body.textContent = shell.text;
      } else if (event === "notice") {
        shell.node.insertBefore(el("p", { class: "notice" }, data.message), shell.actions);
      } else if (event === "done") {
        const turn = { question, answer: data, rating: null };
        finishAnswer(shell, data, turn);
        finished = true;
        state.history.push({ role: "user", content: question }, { role: "assistant", content: data.answer });
        state.turns.push(turn);
        saveChat();
        if (!$("collection").options.length) loadCollections(); // a key was needed to list them
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

// --- status line ----------------------------------------------------------------------------
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
  $("new-chat").addEventListener("click", newChat);
  $("collection").addEventListener("change", () => {
    localStorage.setItem(COLLECTION_STORE, $("collection").value);
    loadSuggestions();
  });
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
  restoreChat();
  refreshStatus();
  loadCollections().then(loadSuggestions);
  $("question").focus();
}

document.addEventListener("DOMContentLoaded", init);
