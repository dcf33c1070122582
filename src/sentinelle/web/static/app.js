// Small hand-written behaviour: charts, revealing identifiers, one-key review labels.
"use strict";

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

async function postForm(url, fields) {
  const body = new URLSearchParams(fields);
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "X-CSRF-Token": csrfToken() },
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error((await response.text()).slice(0, 200));
  return response.json();
}

function drawCharts() {
  if (!window.Plotly) return;
  document.querySelectorAll("script[data-chart]").forEach((node) => {
    const figure = JSON.parse(node.textContent);
    const config = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["sendDataToCloud"] };
    window.Plotly.newPlot(node.dataset.chart, figure.data, figure.layout, config);
  });
}

function wireReveals() {
  document.querySelectorAll("button[data-reveal]").forEach((button) => {
    button.addEventListener("click", async () => {
      const target = document.getElementById(button.dataset.target);
      try {
        const answer = await postForm(button.dataset.reveal, JSON.parse(button.dataset.fields));
        target.textContent = answer.value;
        target.classList.add("revealed");
        button.remove();
      } catch (error) {
        target.textContent = "not allowed";
      }
    });
  });
}

function wireReview() {
  const queue = document.getElementById("queue");
  if (!queue) return;
  const keys = { m: "minor", c: "control", r: "recruitment", n: "none" };
  const items = () => Array.from(queue.querySelectorAll(".review-item"));
  const current = () => queue.querySelector(".review-item.current");
  function move(step) {
    const all = items();
    const index = all.indexOf(current());
    const next = all[Math.min(Math.max(index + step, 0), all.length - 1)];
    if (!next) return;
    all.forEach((item) => item.classList.remove("current"));
    next.classList.add("current");
    next.scrollIntoView({ block: "nearest" });
  }
  async function label(item, value) {
    await postForm("/review/label", { post: item.dataset.post, label: value });
    item.classList.add("done");
    item.querySelector(".done-label").textContent = "labelled " + value;
    move(1);
  }
  document.addEventListener("keydown", (event) => {
    if (event.target.matches("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    const item = current();
    if (!item) return;
    if (keys[event.key]) { event.preventDefault(); label(item, keys[event.key]); }
    else if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
  });
  queue.querySelectorAll(".label-form").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const item = form.closest(".review-item");
      label(item, event.submitter.value);
    });
  });
}

async function fillCounts() {
  for (const node of document.querySelectorAll("p.count[data-count]")) {
    try {
      const response = await fetch(node.dataset.count, { credentials: "same-origin" });
      const answer = await response.json();
      const total = answer.total.toLocaleString("en") + (answer.more ? "+" : "");
      const strong = document.createElement("strong");
      strong.textContent = total;
      node.replaceChildren(strong, ` post${answer.total === 1 && !answer.more ? "" : "s"} match, newest ${node.dataset.shown} shown.`);
    } catch (error) {
      node.textContent = "";
    }
  }
}

function wireBack() {
  document.querySelectorAll("a[data-back]").forEach((link) => {
    if (window.history.length < 2) return;
    link.addEventListener("click", (event) => { event.preventDefault(); window.history.back(); });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  wireReveals();
  wireReview();
  wireBack();
  fillCounts();
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => { if (!window.confirm(form.dataset.confirm)) event.preventDefault(); });
  });
});
window.addEventListener("load", drawCharts);
