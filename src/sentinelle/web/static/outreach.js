// Outreach: reveal a contact on the decision to contact, copy messages to the clipboard.
"use strict";

async function copyText(id, button) {
  const node = document.getElementById(id);
  const text = node.value !== undefined ? node.value : node.textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    // No clipboard API (plain http, old browser): select so a long press copies.
    if (node.select) node.select();
    else window.getSelection().selectAllChildren(node);
    document.execCommand && document.execCommand("copy");
  }
  node.classList.add("copied");
  const label = button.textContent;
  button.textContent = "Copied";
  setTimeout(() => { button.textContent = label; node.classList.remove("copied"); }, 1500);
}

function wireOutreach() {
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    button.addEventListener("click", () => copyText(button.dataset.copy, button));
  });
  const reveal = document.getElementById("reveal-contact");
  if (!reveal) return;
  reveal.addEventListener("click", async () => {
    const target = document.getElementById("contact");
    try {
      const answer = await postForm(reveal.dataset.contact, {});
      target.textContent = answer.value;
      target.classList.add("revealed");
      reveal.remove();
      document.getElementById("copy-contact").hidden = false;
    } catch (error) {
      target.textContent = "not allowed";
    }
  });
}

document.addEventListener("DOMContentLoaded", wireOutreach);
