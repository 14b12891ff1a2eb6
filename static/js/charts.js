/*
 * Charts from data the page carries: <canvas data-chart="id-of-a-json-script"> where the
 * JSON is {"labels": [...], "datasets": [{"label", "data", "axis": "share"|"hours"}]}.
 * Drawn with Chart.js (static/vendor/chart.umd.js, from npm). Without JavaScript the table
 * next to the chart says the same.
 */
(function () {
  "use strict";

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof window.Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var colors = ["#5b3df5", "#e8590c"];
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, i) {
          return {
            label: set.label,
            data: set.data,
            yAxisID: set.axis,
            borderColor: colors[i % colors.length],
            backgroundColor: colors[i % colors.length],
            spanGaps: true,
            tension: 0.25,
          };
        }),
      },
      options: {
        responsive: true,
        aspectRatio: 3,
        interaction: { mode: "index", intersect: false },
        scales: {
          share: { type: "linear", position: "left", min: 0, max: 100,
                   title: { display: true, text: "% thanked" } },
          hours: { type: "linear", position: "right", min: 0,
                   grid: { drawOnChartArea: false },
                   title: { display: true, text: "median hours to thanks" } },
        },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
