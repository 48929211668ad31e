// Loaded by test pages before dist/intro-status.js: records the computed styles of the page's own
// elements (id="page-…"), so a test can check that the widgets restyled none of them.
(function () {
  var PROPS = ["display", "font-family", "font-size", "font-weight", "font-style", "color", "background-color",
    "margin-top", "margin-bottom", "padding-top", "padding-left", "border-top-width", "border-top-style",
    "border-top-color", "line-height", "letter-spacing", "text-transform", "text-align", "visibility", "opacity"];
  function snapshot() {
    var out = {};
    Array.prototype.forEach.call(document.querySelectorAll("[id^='page-']"), function (el) {
      var cs = getComputedStyle(el);
      out[el.id] = PROPS.map(function (p) { return p + ": " + cs.getPropertyValue(p); });
    });
    return out;
  }
  window.hostStylesBefore = snapshot();
  window.hostStylesNow = snapshot;
})();
