// The builder page (dist/embed.html, written by xtask/src/builder.rs): the form's choices go onto
// the preview widget as its attributes; the snippets for what it shows come from the core
// (`View.embed`, through the element's `embed`) into the text boxes. No rules of its own.
const form = document.getElementById("choices");
const preview = document.getElementById("preview");
const status = document.getElementById("copied");
const ATTRS = ["kommune", "view", "lang", "theme", "controls", "compare"];

function choose() {
  const f = new FormData(form);
  for (const k of ATTRS) f.get(k) ? preview.setAttribute(k, f.get(k)) : preview.removeAttribute(k);
  preview.setAttribute("views", f.getAll("views").join(" "));
  show();
}

function show() {
  const f = new FormData(form);
  const s = preview.embed && preview.embed(f.getAll("views").join(" "), f.get("theme"), f.get("controls"), f.get("cohort") === "on", f.get("src"), form.dataset.integrity);
  if (s) for (const k of ["element", "script", "iframe", "static"]) document.getElementById("out-" + k).value = s[k];
}

form.addEventListener("change", choose);
form.addEventListener("input", (e) => e.target.name === "src" && show());
form.addEventListener("submit", (e) => e.preventDefault());
// Chosen in the preview itself (its search, its tabs): the form follows.
preview.addEventListener("intro-status:ready", (e) => {
  form.elements.view.value = e.detail.view;
  for (const k of ["kommune", "compare"]) if ((preview.getAttribute(k) || "") !== form.elements[k].value) form.elements[k].value = preview.getAttribute(k) || "";
  show();
});

document.addEventListener("click", (e) => {
  const button = e.target.closest("[data-copy]");
  if (!button) return;
  const area = document.getElementById(button.dataset.copy);
  const said = (ok) => (status.textContent = ok ? status.dataset.copied : status.dataset.failed);
  // The clipboard API where the page may use it; else the older command on the selected text.
  const fallback = () => (area.select(), said(document.execCommand("copy")));
  navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(area.value).then(() => said(true), fallback) : fallback();
});
