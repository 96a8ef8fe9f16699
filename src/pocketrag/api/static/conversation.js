// pocketrag chat page: what a colleague keeps around the answers: the conversation in this
// browser (localStorage) across reloads and "New chat", copy, "Was this helpful?" (sent to
// the questions log), the collection picker and the empty page's example questions.
// Uses the helpers of app.js (loaded first); app.js's init() calls into this file.
"use strict";

// Copy, and thumbs up/down (sent to the questions log by the ask's log_id).
function renderActions(shell, answer, turn) {
  const copy = el("button", { type: "button", class: "ghost small-button copy", "aria-label": "Copy the answer" }, "Copy");
  copy.addEventListener("click", async () => {
    copy.textContent = (await copyText(answerAsText(answer))) ? "Copied" : "Copy failed";
    setTimeout(() => { copy.textContent = "Copy"; }, 2000);
  });
  shell.actions.replaceChildren(copy);
  if (!answer.log_id) return;
  const status = el("span", { class: "muted small feedback-state", role: "status" });
  const thumb = (rating, label, glyph) => el("button", {
    type: "button", class: `ghost small-button thumb thumb-${rating}`, "aria-label": label,
    "aria-pressed": String(turn && turn.rating === rating), onclick: () => sendFeedback(answer.log_id, rating, shell, status, turn),
  }, glyph);
  shell.actions.append(el("span", { class: "muted small" }, "Was this helpful?"),
    thumb("up", "Helpful", "Yes"), thumb("down", "Not helpful", "No"), status);
}

async function sendFeedback(logId, rating, shell, status, turn) {
  const response = await apiFetch("/v1/feedback", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ log_id: logId, rating }),
  });
  if (!response.ok) { status.textContent = await errorMessage(response); return; }
  for (const b of shell.actions.querySelectorAll(".thumb")) {
    b.setAttribute("aria-pressed", String(b.classList.contains(`thumb-${rating}`)));
  }
  status.textContent = "Thanks for the feedback.";
  if (turn) { turn.rating = rating; saveChat(); }
}

function answerAsText(answer) {
  const lines = [answer.refused ? refusalSentence(answer.answer) : withoutNotice(answer)];
  const sources = answer.refused ? (answer.closest_sources || []) : (answer.citations || []);
  if (sources.length) lines.push("", answer.refused ? "Closest sections:" : "Sources:");
  sources.forEach((c, i) => {
    const where = [section(c), pagesLabel(c)].filter(Boolean).join(", ");
    lines.push(`[${c.n || i + 1}] ${displayTitle(c)}${where ? " — " + where : ""}`);
  });
  return lines.join("\n");
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) { // not a secure context, or no permission: the old way
    const area = el("textarea", { class: "visually-hidden", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

// --- history in this browser (localStorage), "New chat" -----------------------------------
function saveChat() {
  state.turns = state.turns.slice(-MAX_KEPT_TURNS);
  try {
    localStorage.setItem(CHAT_STORE, JSON.stringify({ turns: state.turns }));
  } catch (_) { /* storage full or disabled: the chat still works, it is just not kept */ }
}

function restoreChat() {
  const saved = readJSON(localStorage, CHAT_STORE, { turns: [] });
  for (const turn of saved.turns || []) {
    if (!turn || !turn.question || !turn.answer) continue;
    addUserMessage(turn.question);
    finishAnswer(addAnswerShell(), turn.answer, turn);
    state.turns.push(turn);
    state.history.push({ role: "user", content: turn.question }, { role: "assistant", content: turn.answer.answer });
  }
  if (state.turns.length) $("log").lastElementChild.scrollIntoView({ block: "end" });
}

function newChat() {
  if (state.busy) return;
  state.history = [];
  state.turns = [];
  localStorage.removeItem(CHAT_STORE);
  for (const node of $("log").querySelectorAll(".msg")) node.remove();
  showEmptyState(true);
  $("question").focus();
}

// --- collections and example questions --------------------------------------------------------
async function loadCollections() {
  const response = await quietFetch("/v1/collections");
  if (!response.ok) return;
  const collections = await response.json();
  const picker = $("collection");
  picker.replaceChildren(el("option", { value: "" }, "All collections"),
    ...collections.map((c) => el("option", { value: c.name }, `${c.name} (${c.documents})`)));
  const saved = localStorage.getItem(COLLECTION_STORE) || "";
  if (collections.some((c) => c.name === saved)) picker.value = saved;
  $("collection-picker").hidden = collections.length < 2;
}

async function loadSuggestions() {
  const collection = currentCollection();
  const response = await quietFetch(`/v1/suggestions${collection ? "?collection=" + encodeURIComponent(collection) : ""}`);
  const box = $("suggestions");
  if (!response.ok) { box.replaceChildren(); return; }
  const { questions } = await response.json();
  box.replaceChildren(...(questions.length ? [el("p", { class: "small" }, "For example:")] : []),
    ...questions.map((q) => el("button", {
      type: "button", class: "ghost suggestion", onclick: () => { if (!state.busy) ask(q); },
    }, q)));
}

