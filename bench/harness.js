// `cargo xtask bench`: the timing harness, inlined into every bench page right before the
// scripts it measures. `BENCH.start(ready, drawn, n, switchTo)` is its last statement, so `t0` is
// the moment the page's own scripts start loading. A chart counts as drawn when its page announces
// it with `drawn` (bubbling, `detail.kommune`) and style and layout are flushed; "next frame" waits
// for the frame after that (requestAnimationFrame, then a task, i.e. after the frame's paint).
// Beside these (from `t0`), `B.t0` is when that was after navigation, and `B.cls` the page's
// layout shifts summed (PerformanceObserver `layout-shift`, from the start of the page).
var BENCH = (function () {
  var B = { drawn: null, painted: null, events: 0, cls: 0 };
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (!e.hadRecentInput) B.cls += e.value;
      });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {
    B.cls = NaN;
  }

  function afterNextFrame(done) {
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(0);
    });
  }

  // `ready`: the event that says a widget's content is in place (ours: `intro-status:ready`, which
  // a widget fires once its text and table are there and the chart is drawn, or, far below the
  // screen, waits to be drawn until it comes near; the reference draws all at once, so its
  // `ready` is its `drawn`). `drawn`: a chart is on its canvas. After the frame that shows the
  // first screen, any chart still waiting is drawn at once (as for printing), for "all drawn".
  B.start = function (ready, drawn, expected, switchTo) {
    var readySeen = new Set();
    var drawnSeen = new Set();
    B.event = drawn;
    B.switchTo = switchTo;
    B.allDrawn = null;
    document.addEventListener(drawn, function (e) {
      B.events++;
      drawnSeen.add(e.target);
      if (B.allDrawn !== null || drawnSeen.size < expected) return;
      void document.body.offsetHeight;
      B.allDrawn = performance.now() - B.t0;
    });
    document.addEventListener(ready, function (e) {
      if (B.drawn !== null) return;
      readySeen.add(e.target);
      if (readySeen.size < expected) return;
      void document.body.offsetHeight;
      B.drawn = performance.now() - B.t0;
      afterNextFrame(function () {
        B.painted = performance.now() - B.t0;
        if (B.allDrawn === null) window.dispatchEvent(new Event("beforeprint"));
      });
    });
    B.t0 = performance.now();
  };

  // One kommune switch; resolves to [drawn, next frame] in ms.
  B.switch = function (code) {
    return new Promise(function (resolve) {
      var t0;
      function on(e) {
        if (!e.detail || e.detail.kommune !== code) return;
        document.removeEventListener(B.event, on);
        void document.body.offsetHeight;
        var drawn = performance.now() - t0;
        afterNextFrame(function () {
          resolve([drawn, performance.now() - t0]);
        });
      }
      document.addEventListener(B.event, on);
      t0 = performance.now();
      B.switchTo(code);
    });
  };

  return B;
})();
