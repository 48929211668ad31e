// `cargo xtask bench`: the reference page's script. The goal view drawn with Chart.js 4 (UMD
// build from npm, loaded before this) from the same figures as the widget: `cargo xtask bench`
// prepends `var REFERENCE_DATA = {cohorts, land, kommuner: [[code, name, percents]]}`, made
// from `intro-status export` (null = a gap, where the widget leaves one).
//
// Each `<div class="reference" data-kommune="0301">` gets a kommune <select> and a 720×420 chart:
// the kommune (solid, round markers), Hele landet (dashed, squares) and the 70 % goal (dashed).
// After every draw the div announces it with `reference:rendered` (detail.kommune), as the
// widget does with `intro-status:rendered`.
(function () {
  var D = REFERENCE_DATA;
  var T = {
    choose: "Velg kommune",
    title: "I arbeid eller utdanning ett år etter introduksjonsprogrammet",
    axisCohort: "Avsluttet programmet (år)",
    axisPercent: "Prosent",
    land: "Hele landet",
    goal: "Nasjonalt mål 70 %",
    source: "Kilde: SSB, statistikkbanken tabell 10824",
  };
  var byCode = {};
  D.kommuner.forEach(function (k) {
    byCode[k[0]] = k;
  });
  var labels = D.cohorts.map(String);
  var goal = D.cohorts.map(function () {
    return 70;
  });

  Chart.defaults.font.family = "sans-serif";

  // Tells the page after each draw, like the widget's `intro-status:rendered`.
  var announce = {
    id: "announce",
    afterRender: function (chart) {
      var host = chart.canvas.parentNode;
      host.dispatchEvent(new CustomEvent("reference:rendered", { bubbles: true, detail: { kommune: host.dataset.kommune } }));
    },
  };

  function config(k) {
    return {
      type: "line",
      data: {
        labels: labels,
        datasets: [
          { label: k[1], data: k[2], borderColor: "#1d4f91", backgroundColor: "#1d4f91", borderWidth: 3, pointRadius: 5, spanGaps: false },
          {
            label: T.land, data: D.land, borderColor: "#a33b12", backgroundColor: "#a33b12", borderWidth: 2,
            borderDash: [8, 4], pointStyle: "rect", pointRadius: 4.5, spanGaps: false,
          },
          { label: T.goal, data: goal, borderColor: "#4a4a4a", borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0 },
        ],
      },
      options: {
        responsive: false,
        animation: false,
        scales: {
          x: { offset: true, title: { display: true, text: T.axisCohort }, grid: { display: false } },
          y: {
            min: 0, max: 100, ticks: { stepSize: 20, callback: function (v) { return v + " %"; } },
            title: { display: true, text: T.axisPercent },
          },
        },
        plugins: {
          title: { display: true, text: k[1] + ": " + T.title, font: { size: 17 } },
          subtitle: { display: true, position: "bottom", align: "start", text: T.source },
          legend: { position: "bottom" },
        },
      },
      plugins: [announce],
    };
  }

  function mount(host) {
    var label = document.createElement("label");
    var select = document.createElement("select");
    label.textContent = T.choose + " ";
    var options = document.createDocumentFragment();
    D.kommuner.forEach(function (k) {
      var o = document.createElement("option");
      o.value = k[0];
      o.textContent = k[1] + " (" + k[0] + ")";
      options.appendChild(o);
    });
    select.appendChild(options);
    select.value = host.dataset.kommune;
    select.addEventListener("change", function () {
      referenceShow(host, select.value);
    });
    label.appendChild(select);
    var canvas = document.createElement("canvas");
    canvas.width = 720;
    canvas.height = 420;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", byCode[host.dataset.kommune][1] + ": " + T.title);
    host.appendChild(label);
    host.appendChild(canvas);
    host.chart = new Chart(canvas, config(byCode[host.dataset.kommune]));
  }

  // Shows another kommune in the chart of `host`.
  window.referenceShow = function (host, code) {
    var k = byCode[code];
    if (!k) return;
    host.dataset.kommune = code;
    host.querySelector("select").value = code;
    var chart = host.chart;
    chart.data.datasets[0].label = k[1];
    chart.data.datasets[0].data = k[2];
    chart.options.plugins.title.text = k[1] + ": " + T.title;
    chart.canvas.setAttribute("aria-label", k[1] + ": " + T.title);
    chart.update();
  };

  document.querySelectorAll(".reference[data-kommune]").forEach(mount);
})();
