// recordcheck's coaching page: sends the note to this computer's own server and
// shows what the checks found. Note text is put on the page as text, never as HTML,
// and is kept nowhere but the text box.
"use strict";

(function () {
  const form = document.getElementById("check-form");
  const note = document.getElementById("note");
  const noteType = document.getElementById("note-type");
  const clearButton = document.getElementById("clear-button");
  const status = document.getElementById("status");
  const markedBlock = document.getElementById("marked-note-block");
  const markedNote = document.getElementById("marked-note");
  const findingsList = document.getElementById("findings");
  const examples = document.getElementById("examples");

  const checkTitles = {};  // check id -> heading of its findings
  let requestNumber = 0;

  function element(tag, attributes, ...children) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "className") made.className = value;
      else made.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      made.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return made;
  }

  function readable(identifier) {
    const words = identifier.replace(/[-_]/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function plural(number, noun) {
    return number + " " + noun + (number === 1 ? "" : "s");
  }

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  function clearResults() {
    markedNote.replaceChildren();
    markedBlock.hidden = true;
    findingsList.replaceChildren();
  }

  // A rewrite with its gaps ("[what you saw or heard]") set apart.
  function rewriteNodes(suggestion) {
    return suggestion.split(/(\[[^\[\]]+\])/).filter(Boolean).map(function (part) {
      if (/^\[[^\[\]]+\]$/.test(part)) {
        return element("span", { className: "gap" }, part);
      }
      return document.createTextNode(part);
    });
  }

  // The note as text, with each finding's words in a <mark> that links to the finding.
  // Offsets count Unicode code points, as Python does, so they are applied to Array.from(text).
  function markedNodes(text, findings) {
    const characters = Array.from(text);
    const cuts = new Set([0, characters.length]);
    findings.forEach(function (f) { cuts.add(f.start); cuts.add(f.end); });
    const points = Array.from(cuts).filter((n) => n >= 0 && n <= characters.length)
      .sort((a, b) => a - b);
    const nodes = [];
    const severityRank = { low: 1, medium: 2, high: 3 };
    for (let i = 0; i + 1 < points.length; i += 1) {
      const start = points[i];
      const end = points[i + 1];
      const words = characters.slice(start, end).join("");
      const covering = [];
      findings.forEach(function (f, index) {
        if (f.start <= start && end <= f.end) covering.push(index);
      });
      if (!covering.length) {
        nodes.push(document.createTextNode(words));
        continue;
      }
      const first = covering[0];
      const worst = covering.reduce((a, b) =>
        severityRank[findings[b].severity] > severityRank[findings[a].severity] ? b : a);
      const link = element("a", {
        href: "#finding-" + (first + 1),
        "aria-label": "Finding " + covering.map((n) => n + 1).join(" and ") + ": " + words,
      }, words);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        focusFinding(first + 1);
      });
      nodes.push(element("mark", { className: "severity-" + findings[worst].severity }, link));
      findings.forEach(function (f, index) {
        if (f.end === end) {
          nodes.push(element("span", { className: "ref", "aria-hidden": "true" }, index + 1));
        }
      });
    }
    return nodes;
  }

  function focusFinding(number) {
    const target = document.getElementById("finding-" + number);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "nearest" });
    }
  }

  function findingItem(finding, index) {
    const number = index + 1;
    const title = checkTitles[finding.check] || readable(finding.check);
    return element("li",
      { id: "finding-" + number, className: "finding severity-" + finding.severity, tabindex: "-1" },
      element("h3", {},
        number + ". " + title,
        element("span", { className: "severity" }, finding.severity)),
      element("p", { className: "quote" }, "\u201c" + finding.text + "\u201d"),
      element("dl", {},
        element("dt", {}, "Why"), element("dd", {}, finding.message),
        element("dt", {}, "Cue"), element("dd", { className: "cue" }, readable(finding.cue || "")),
        element("dt", {}, "Suggested rewrite"),
        element("dd", { className: "rewrite" }, ...rewriteNodes(finding.suggestion || ""))));
  }

  function show(text, findings) {
    clearResults();
    if (!findings.length) {
      setStatus("No findings: nothing in this note falls short of the checks.");
      return;
    }
    const perCheck = {};
    findings.forEach(function (f) {
      const title = checkTitles[f.check] || readable(f.check);
      perCheck[title] = (perCheck[title] || 0) + 1;
    });
    const kinds = Object.entries(perCheck);
    const summary = kinds.length === 1
      ? kinds[0][0].toLowerCase()
      : kinds.map(([title, n]) => n + " " + title.toLowerCase()).join("; ");
    setStatus(plural(findings.length, "finding") + ": " + summary + ".");
    markedNote.replaceChildren(...markedNodes(text, findings));
    markedBlock.hidden = false;
    findings.forEach(function (f, index) { findingsList.append(findingItem(f, index)); });
  }

  async function checkNote() {
    const text = note.value;
    if (!text.trim()) {
      clearResults();
      setStatus("Type or paste a note first.", true);
      note.focus();
      return;
    }
    const mine = ++requestNumber;
    setStatus("Checking\u2026");
    let response;
    let answer;
    try {
      response = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, note_type: noteType.value }),
        cache: "no-store",
      });
      answer = await response.json();
    } catch (error) {
      if (mine === requestNumber) {
        setStatus("The check could not be run: is recordcheck serve still running?", true);
      }
      return;
    }
    if (mine !== requestNumber) return;  // a newer check has been asked for
    if (!response.ok) {
      clearResults();
      setStatus(answer.error || "The check could not be run.", true);
      return;
    }
    show(text, answer.findings);
  }

  function exampleItem(example) {
    const text = example.text;
    const button = element("button", {
      type: "button",
      className: "try",
      "aria-label": "Try it: " + (text.length > 80 ? text.slice(0, 77) + "\u2026" : text),
    }, "Try it");
    button.addEventListener("click", function () {
      note.value = text;
      noteType.value = example.note_type || "";
      note.focus();
      checkNote();
    });
    return element("li", {},
      element("span", { className: "example-text" }, text),
      example.note_type ? element("span", { className: "note-type-tag" },
        "(" + example.note_type + " note)") : null,
      button);
  }

  function showExamples(checks) {
    examples.replaceChildren();
    checks.forEach(function (check) {
      checkTitles[check.id] = check.text_title || check.title;
      const cueList = element("ul", {});
      Object.entries(check.cues).forEach(function ([cue, message]) {
        cueList.append(element("li", {}, element("strong", {}, readable(cue)), ": " + message));
      });
      const flagged = element("ul", {});
      check.examples.must_flag.forEach((example) => flagged.append(exampleItem(example)));
      const passed = element("ul", {});
      check.examples.must_pass.forEach((example) => passed.append(exampleItem(example)));
      examples.append(element("details", { id: "standard-" + check.id },
        element("summary", {}, check.title),
        element("p", {}, check.requires),
        check.why ? element("p", {}, element("strong", {}, "Why it matters: "), check.why) : null,
        element("h3", { className: "example-heading" }, "Cues"), cueList,
        element("h3", { className: "example-heading" }, "Should be flagged"), flagged,
        element("h3", { className: "example-heading" }, "Should not be flagged"), passed));
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    checkNote();
  });
  note.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      checkNote();
    }
  });
  clearButton.addEventListener("click", function () {
    note.value = "";
    noteType.value = "";
    clearResults();
    setStatus("Nothing checked yet.");
    note.focus();
  });

  fetch("/api/checks", { cache: "no-store" })
    .then((response) => response.json())
    .then((data) => showExamples(data.checks))
    .catch(function () {
      examples.replaceChildren(element("p", {}, "The examples could not be loaded."));
    });
})();
