// pocketrag chat page, the admin's face: upload and delete documents, read the questions
// log. Shown only after the admin key is accepted (GET /v1/admin/questions answers 200);
// without POCKETRAG_API_KEY the server accepts this machine (loopback) as the admin.
// Uses the helpers of app.js (loaded first).
"use strict";

const ADMIN_STORE = "pocketrag.admin";

function setAdmin(on) {
  $("admin-tools").hidden = !on;
  $("admin-toggle").hidden = on;
  if (on) sessionStorage.setItem(ADMIN_STORE, "1");
  else sessionStorage.removeItem(ADMIN_STORE);
  if (!on) { togglePanel("docs-panel", "docs-toggle", false); togglePanel("questions-panel", "questions-toggle", false); }
}

async function enterAdmin({ quiet = false } = {}) {
  const url = "/v1/admin/questions?limit=1";
  const response = quiet ? await quietFetch(url)
    : await apiFetch(url, {}, "Enter the admin key (the server's POCKETRAG_API_KEY).");
  if (response.ok) { setAdmin(true); return; }
  setAdmin(false);
  if (!quiet) window.alert(await errorMessage(response));
}

function leaveAdmin() {
  sessionStorage.removeItem(KEY_STORE);
  setAdmin(false);
  $("admin-toggle").focus();
}

// One side panel at a time (documents or questions log).
function togglePanel(panelId, buttonId, open) {
  const panel = $(panelId);
  panel.hidden = !open;
  $(buttonId).setAttribute("aria-expanded", String(open));
  if (!open) return;
  for (const [other, button] of [["docs-panel", "docs-toggle"], ["questions-panel", "questions-toggle"]]) {
    if (other !== panelId) { $(other).hidden = true; $(button).setAttribute("aria-expanded", "false"); }
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
      el("div", { class: "doc-main" }, el("span", { class: "doc-title" }, displayTitle(d)),
        el("span", { class: "muted small" }, facts), el("span", { class: "muted small doc-src" }, d.source)),
      el("button", {
        type: "button", class: "ghost danger", "aria-label": `Delete ${displayTitle(d)}`,
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

// --- questions log ----------------------------------------------------------------------------
function groupItem(g) {
  const counts = [`asked ${g.asked}×`];
  if (g.not_found) counts.push(`${g.not_found} not found`);
  if (g.hedged) counts.push(`${g.hedged} hedged`);
  if (g.thumbs_up) counts.push(`${g.thumbs_up} helpful`);
  if (g.thumbs_down) counts.push(`${g.thumbs_down} not helpful`);
  return el("li", { class: "qitem" }, el("span", { class: "qtext" }, g.question),
    el("span", { class: "muted small" }, counts.join(" · ")));
}

function entryItem(e) {
  const outcome = { answered: "answered", hedged: "hedged", not_found: "not found" }[e.outcome] || e.outcome;
  const sources = (e.sources || []).map(displayTitle).filter(Boolean).join("; ");
  return el("li", { class: "qitem" }, el("span", { class: "qtext" }, e.question),
    el("span", { class: "muted small" }, [e.asked_at.slice(0, 16).replace("T", " "), outcome, sources].filter(Boolean).join(" · ")));
}

function fillList(list, items, render, empty) {
  list.replaceChildren(...(items.length ? items.map(render) : [el("li", { class: "muted small" }, empty)]));
}

async function loadQuestions() {
  const days = $("questions-days").value;
  const response = await apiFetch(`/v1/admin/questions?days=${encodeURIComponent(days)}&limit=20`, {},
    "The questions log needs the admin key.");
  if (!response.ok) { $("questions-totals").textContent = await errorMessage(response); return; }
  const report = await response.json();
  const t = report.totals;
  const off = report.recording ? "" : " Not recording now (the log is off or the index is read-only).";
  $("questions-totals").textContent = `${t.asked} asked: ${t.answered} answered, ${t.hedged} hedged, ` +
    `${t.not_found} not found · rated ${t.thumbs_up} helpful, ${t.thumbs_down} not helpful.${off}`;
  fillList($("questions-unanswered"), report.unanswered, groupItem, "None: every question found an answer.");
  fillList($("questions-top"), report.most_asked, groupItem, "No questions yet.");
  fillList($("questions-negative"), report.negative_feedback, entryItem, "No thumbs down.");
}

function initAdmin() {
  $("admin-toggle").addEventListener("click", () => enterAdmin());
  $("admin-exit").addEventListener("click", leaveAdmin);
  $("docs-toggle").addEventListener("click", () => {
    const open = $("docs-panel").hidden;
    togglePanel("docs-panel", "docs-toggle", open);
    if (open) { loadDocuments(); $("file").focus(); }
  });
  $("docs-close").addEventListener("click", () => { togglePanel("docs-panel", "docs-toggle", false); $("docs-toggle").focus(); });
  $("questions-toggle").addEventListener("click", () => {
    const open = $("questions-panel").hidden;
    togglePanel("questions-panel", "questions-toggle", open);
    if (open) { loadQuestions(); $("questions-close").focus(); }
  });
  $("questions-close").addEventListener("click", () => { togglePanel("questions-panel", "questions-toggle", false); $("questions-toggle").focus(); });
  $("questions-days").addEventListener("change", loadQuestions);
  $("upload-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const file = $("file").files[0];
    if (file) upload(file);
    $("upload-form").reset();
  });
  $("forget-key").addEventListener("click", leaveAdmin);
  if (sessionStorage.getItem(ADMIN_STORE)) enterAdmin({ quiet: true });
}

document.addEventListener("DOMContentLoaded", initAdmin);
