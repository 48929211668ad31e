// `cargo xtask bench`: the timing harness, inlined into every bench page right before the
// scripts it measures. `BENCH.start(event, n, switchTo)` is its last statement, so `t0` is the
// moment the page's own scripts start loading. A chart counts as drawn when its page announces it
// with `event` (bubbling, `detail.kommune`) and style and layout are flushed; "next frame" waits
// for the frame after that (requestAnimationFrame, then a task, i.e. after the frame's paint).
var BENCH = (function () {
  var B = { drawn: null, painted: null, events: 0 };

  function afterNextFrame(done) {
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(0);
    });
  }

  B.start = function (event, expected, switchTo) {
    var seen = new Set();
    B.event = event;
    B.switchTo = switchTo;
    document.addEventListener(event, function (e) {
      B.events++;
      if (B.drawn !== null) return;
      seen.add(e.target);
      if (seen.size < expected) return;
      void document.body.offsetHeight;
      B.drawn = performance.now() - B.t0;
      afterNextFrame(function () {
        B.painted = performance.now() - B.t0;
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
