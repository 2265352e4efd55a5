"use strict";
(function () {
  var body = document.body;
  var summary = document.getElementById("summary");
  var controls = document.getElementById("controls");
  var main = document.getElementById("articles");
  var tip = document.getElementById("tip");
  var shown = document.getElementById("shown");
  var search = document.getElementById("search");
  // Written last, shown first: move them first in the document too, for the keyboard.
  body.insertBefore(controls, body.firstChild.nextSibling);
  body.insertBefore(summary, controls);

  var articles = Array.prototype.slice.call(main.querySelectorAll("section.article"));

  function checked(name) {
    var set = {};
    controls.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }

  function apply() {
    var categories = checked("c"), severities = checked("s"), rules = checked("r");
    var query = search.value.trim().toLowerCase();
    var visibleArticles = 0, visibleFindings = 0;
    articles.forEach(function (article) {
      var on = {};
      var any = false;
      article.querySelectorAll("li.finding").forEach(function (item) {
        var visible = categories[item.dataset.c] && severities[item.dataset.s] && rules[item.dataset.r];
        item.hidden = !visible;
        if (visible) { on[item.dataset.i] = true; any = true; visibleFindings += 1; }
      });
      article.querySelectorAll("mark").forEach(function (mark) {
        var lit = mark.dataset.f.split(" ").some(function (token) { return on[token.split(".")[0]]; });
        mark.classList.toggle("off", !lit);
        mark.tabIndex = lit ? 0 : -1;
      });
      var match = !query || article.dataset.name.indexOf(query) !== -1;
      article.hidden = !(any && match);
      if (!article.hidden) { visibleArticles += 1; }
    });
    document.querySelectorAll("#summary .clean li.name").forEach(function (item) {
      item.hidden = query !== "" && item.textContent.toLowerCase().indexOf(query) === -1;
    });
    shown.textContent = "Showing " + visibleArticles + " of " + articles.length + " flagged articles, " +
      visibleFindings + " findings.";
  }

  var pending = null;
  search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(apply, 120);
  });
  controls.addEventListener("change", apply);

  function showTip(mark) {
    tip.textContent = mark.dataset.tip || mark.getAttribute("title") || "";
    var box = mark.getBoundingClientRect();
    tip.style.left = Math.max(4, window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    tip.hidden = false;
  }
  function hideTip() { tip.hidden = true; }

  // A title shows on hover; for the keyboard the same text shows as a tooltip on focus.
  main.addEventListener("focusin", function (event) {
    if (event.target.tagName === "MARK") { showTip(event.target); }
  });
  main.addEventListener("focusout", hideTip);

  function jump(target) {
    if (!target) { return; }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
  }

  main.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-twin]");
    if (mark) { jump(document.getElementById(mark.dataset.twin)); }
    var link = event.target.closest("a.place");
    if (link) {
      event.preventDefault();
      jump(document.getElementById(link.getAttribute("href").slice(1)));
    }
  });

  function visible(list) {
    return list.filter(function (node) { return !node.hidden && !node.closest("[hidden]") && !node.classList.contains("off"); });
  }
  function step(list, direction) {
    var current = document.activeElement;
    var index = list.indexOf(current);
    if (index === -1) {
      index = direction > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i += 1) {
        if (current && current.compareDocumentPosition && (current.compareDocumentPosition(list[i]) & 4)) {
          index = direction > 0 ? i - 1 : i; break;
        }
      }
    }
    return list[index + direction];
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target.tagName === "MARK" && (event.key === "Enter" || event.key === " ")) {
      if (target.dataset.twin) { event.preventDefault(); jump(document.getElementById(target.dataset.twin)); }
      return;
    }
    if (target.tagName === "INPUT" || target.tagName === "TEXTAREA") {
      if (event.key === "Escape") { target.blur(); }
      return;
    }
    if (event.key === "/") { event.preventDefault(); search.focus(); return; }
    if (event.key === "j" || event.key === "k") {
      var heads = visible(articles).map(function (article) { return article.querySelector("a.name"); });
      var next = step(heads, event.key === "j" ? 1 : -1);
      if (next) { next.focus(); next.scrollIntoView({ block: "start" }); }
    }
    if (event.key === "n" || event.key === "p") {
      var marks = visible(Array.prototype.slice.call(main.querySelectorAll("mark")));
      jump(step(marks, event.key === "n" ? 1 : -1));
    }
  });

  // A browser may restore the boxes' state on reload: filter only when something is off.
  var restored = search.value !== "" || controls.querySelector("input[type=checkbox]:not(:checked)") !== null;
  if (restored) {
    apply();
  } else {
    shown.textContent = "Showing " + articles.length + " of " + articles.length + " flagged articles, " +
      main.querySelectorAll("li.finding").length + " findings.";
  }
  body.dataset.ready = "true";
})();
