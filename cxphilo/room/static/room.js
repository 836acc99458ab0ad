// The room's phone page. Typed text and the team's words only ever go in as text
// (textContent), never as markup; the page polls the state once a second.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("room-data").textContent);
  const w = data.words;
  const say = (template, values) =>
    template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  async function post(path, body) {
    const headers = { "Content-Type": "application/json" };
    if (data.csrf) headers["X-Cxphilo-Csrf"] = data.csrf;
    const response = await fetch(path, {
      method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin",
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error || String(response.status));
    return answer;
  }

  if (data.page === "join") {
    const form = document.getElementById("join");
    const error = form.querySelector(".error");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await post("/join", { code: form.code.value, name: form.name.value });
        location.replace("/");
      } catch (problem) {
        error.textContent = problem.message;
        error.hidden = false;
      }
    });
    return;
  }

  const room = document.getElementById("room");
  let deadline = null;    // when the time box ends, by this device's clock
  let total = 0;
  const timer = el("p", { class: "timer", id: "timer" });

  function clock(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  setInterval(() => {
    timer.textContent = deadline === null ? "" :
      say(w.left, { left: clock((deadline - Date.now()) / 1000) }) + " / " + clock(total);
  }, 500);

  function errorLine() { return el("p", { class: "error", role: "alert", hidden: "" }); }
  function fail(line, problem) { line.textContent = problem.message; line.hidden = false; }

  function ideas(state) {
    const list = el("ul", { class: "mine", id: "mine" });
    for (const text of state.mine) list.append(el("li", { text }));
    const box = el("textarea", { id: "idea", maxlength: String(data.ideaLimit), "aria-label": w.idea });
    const error = errorLine();
    const send = el("button", { type: "submit", id: "send", text: w.send });
    const form = el("form", { class: "card" }, el("h2", { text: w.ideasTitle }),
      el("p", { text: state.question }), box, send, error,
      state.mine.length ? el("p", { class: "notice", text: w.sent }) : null, list);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = box.value.trim();
      if (!text) return;
      send.disabled = true;
      try {
        await post("/idea", { text, nonce: crypto.randomUUID ? crypto.randomUUID() : String(Math.random()) });
        box.value = "";
        list.append(el("li", { text }));
      } catch (problem) { fail(error, problem); }
      send.disabled = false;
      box.focus();
    });
    return form;
  }

  function ballot(state) {
    const b = state.ballot;
    const title = el("h2", { text: b.revote ? w.revoteTitle : w.ballotTitle });
    // A re-vote shows the tally that tied above it, as the projector does.
    const earlier = state.tally ? [reveal(state, "earlier")] : [];
    if (b.voted) {
      return el("div", {}, ...earlier, el("div", { class: "card" }, title, el("p", { id: "voted", text: w.voted })));
    }
    const form = el("form", { class: "card" }, title, el("p", { text: say(w.pickUpTo, { count: b.votes }) }));
    for (const option of b.options) {
      form.append(el("label", { class: "option" },
        el("input", { type: "checkbox", name: "pick", value: option }), el("span", { text: option })));
    }
    const error = errorLine();
    const cast = el("button", { type: "submit", id: "cast", text: w.cast });
    const abstain = el("button", { type: "button", class: "secondary", id: "abstain", text: w.abstain });
    form.append(cast, abstain, error);
    async function send(picks) {
      try { await post("/ballot", { round: b.round, picks }); refresh(true); }
      catch (problem) { fail(error, problem); }
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send([...form.querySelectorAll("input[name=pick]:checked")].map((box) => box.value));
    });
    abstain.addEventListener("click", () => send([]));
    return earlier.length ? el("div", {}, ...earlier, form) : form;
  }

  function reveal(state, id = "tally") {
    const table = el("table", { id });
    for (const [option, votes] of state.tally) {
      table.append(el("tr", {}, el("td", { text: option }), el("td", { class: "votes", text: String(votes) })));
    }
    const kept = el("ul", {});
    for (const option of state.kept) kept.append(el("li", { text: option }));
    return el("div", { class: "card" }, el("h2", { text: w.tallyTitle }), table,
      el("p", { text: w.through }), kept);
  }

  function review(state) {
    const title = el("h2", { text: w.reviewTitle });
    const statement = el("p", { class: "statement", text: state.statement });
    if (state.given) return el("div", { class: "card" }, title, statement, el("p", { id: "given", text: w.given }));
    const form = el("form", { class: "card" }, title, statement);
    for (const name of data.criteria) {
      form.append(el("fieldset", {}, el("legend", { text: w["criterion." + name] }),
        el("div", { class: "choices" },
          el("label", {}, el("input", { type: "radio", name, value: "pass", required: "" }), el("span", { text: w.pass })),
          el("label", {}, el("input", { type: "radio", name, value: "fail" }), el("span", { text: w.fail })))));
    }
    const reaction = el("input", { name: "reaction", maxlength: "280" });
    form.append(el("label", {}, el("span", { text: w.reaction }), reaction));
    form.append(el("fieldset", {}, el("legend", { text: w.lands }),
      el("div", { class: "choices" },
        el("label", {}, el("input", { type: "radio", name: "lands", value: "yes", required: "" }), el("span", { text: w.yes })),
        el("label", {}, el("input", { type: "radio", name: "lands", value: "no" }), el("span", { text: w.no })))));
    const error = errorLine();
    form.append(el("button", { type: "submit", id: "give", text: w.give }), error);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const verdicts = {};
      for (const name of data.criteria) verdicts[name] = form.elements[name].value;
      try {
        await post("/review", { verdicts, reaction: reaction.value, lands: form.elements.lands.value === "yes" });
        thanks = { text: w.given, after: asked };  // the polls asked from now on know of it
        refresh(true);
      } catch (problem) { fail(error, problem); }
    });
    return form;
  }

  const draw = { ideas, ballot, reveal, review };
  let offline = null;
  // The thanks for a verdict stays on the waiting screen when the last verdict in
  // closes the review at once, so nobody is left wondering whether theirs counted.
  let thanks = null;
  // Polls can be answered out of order on a slow network: an answer to an earlier
  // poll than the one last shown is old news and is dropped.
  let asked = 0;
  let shown = 0;

  async function refresh(force) {
    const ticket = ++asked;
    let state;
    try {
      const response = await fetch("/state", { credentials: "same-origin", cache: "no-store" });
      const removed = response.status === 401;
      const answer = removed ? null : await response.json();
      if (ticket < shown) return;
      shown = ticket;
      if (removed) {
        room.replaceChildren(el("p", { class: "error", text: w.removed }));
        setTimeout(() => location.replace("/"), 3000);
        return;
      }
      state = answer;
      if (offline) { offline.remove(); offline = null; }
    } catch (problem) {
      if (ticket < shown) return;
      if (!offline) { offline = el("p", { class: "error", id: "offline", text: w.offline }); document.querySelector("main").prepend(offline); }
      return;
    }
    deadline = state.timer ? Date.now() + state.timer[0] * 1000 : null;
    total = state.timer ? state.timer[1] : 0;
    // A form being filled in stays as it is until it is sent or its phase changes.
    const key = [state.phase,
      state.ballot ? state.ballot.round + "/" + state.ballot.voted : "",
      state.phase === "review" ? state.given + "/" + state.statement : "",
      state.phase === "reveal" || state.phase === "waiting" ? state.version : ""].join("|");
    if (!force && room.dataset.key === key) return;
    room.dataset.key = key;
    const thanked = state.phase === "waiting" || (state.phase === "review" && state.given);
    if (thanks && ticket > thanks.after && !thanked) thanks = null;
    const waiting = () => el("div", {}, thanks ? el("p", { id: "given", text: thanks.text }) : null,
      el("p", { id: "waiting", class: "notice", text: w.waiting }));
    const body = draw[state.phase] ? draw[state.phase](state) : waiting();
    room.replaceChildren(el("p", { class: "notice", text: state.you }), timer, body);
  }
  refresh(true);
  setInterval(() => refresh(false), 1000);
})();
