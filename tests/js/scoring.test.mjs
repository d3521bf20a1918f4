// Unit tests of the diagnostic's scoring (docs/assets/javascripts/scoring.js),
// with Node's own test runner: node --test tests/js/
//
// The shipped file is loaded as it is, as an ES module (through a data: URL, so
// that no package.json "type" setting is needed in docs/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../../docs/assets/javascripts/scoring.js", import.meta.url), "utf8");
const { compute } = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));

// Same scale and levels as data/diagnostic.yml; three principles, the third
// ("ethique") has no question at all.
function data() {
  return {
    scale: [
      { id: "pas-commence", score: 0 },
      { id: "en-cours", score: 0.5 },
      { id: "en-place", score: 1 },
      { id: "non-applicable", score: null }
    ],
    principles: [
      { id: "gouvernance", label: "Gouvernance" },
      { id: "valeur", label: "Valeur" },
      { id: "ethique", label: "Éthique" }
    ],
    levels: { faible: { value: 1 }, moyen: { value: 2 }, eleve: { value: 3 } },
    stageBonus: 1.5,
    cards: [
      {
        id: "vote", title: "Écrire les règles de vote", principles: ["gouvernance"],
        impact: "moyen", effort: "faible", stages: ["lancement"],
        questions: [{ id: "vote-1", weight: 1 }]
      },
      {
        id: "capital", title: "Ouvrir le capital", principles: ["valeur", "gouvernance"],
        impact: "eleve", effort: "eleve", stages: ["developpement"],
        questions: [{ id: "capital-1", weight: 2 }, { id: "capital-2", weight: 1 }]
      }
    ]
  };
}

const byId = (result) => Object.fromEntries(result.principles.map((p) => [p.id, p]));
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test("all questions answered: weighted means per principle, plan by priority", () => {
  const result = compute(data(), { "vote-1": "en-place", "capital-1": "en-cours", "capital-2": "pas-commence" }, "");
  assert.equal(result.answered, 3);
  assert.equal(result.total, 3);
  const p = byId(result);
  // gouvernance: (1×1 + 2×0.5 + 1×0) / (1 + 2 + 1) = 0.5; valeur: (2×0.5 + 0) / 3 = 1/3.
  close(p.gouvernance.score, 0.5);
  assert.equal(p.gouvernance.count, 3);
  close(p.valeur.score, 1 / 3);
  assert.equal(p.valeur.count, 2);
  // "vote" has no gap (fully in place): only "capital" is in the plan, gap 1 - 1/3.
  assert.deepEqual(result.plan.map((entry) => entry.card.id), ["capital"]);
  close(result.plan[0].gap, 2 / 3);
  close(result.plan[0].priority, (2 / 3) * 3 / 3);
});

test("partial answers: unanswered questions weigh nothing and are not counted", () => {
  const result = compute(data(), { "capital-1": "en-place" }, "");
  assert.equal(result.answered, 1);
  assert.equal(result.total, 3);
  const p = byId(result);
  close(p.gouvernance.score, 1);
  close(p.valeur.score, 1);
  assert.equal(p.gouvernance.count, 1);
  // A card with no answered question is not in the plan; "capital" is fully in place so far.
  assert.deepEqual(result.plan, []);
});

test("weights: a heavier question moves the score more", () => {
  const light = compute(data(), { "capital-1": "pas-commence", "capital-2": "en-place" }, "");
  const heavy = compute(data(), { "capital-1": "en-place", "capital-2": "pas-commence" }, "");
  close(byId(light).valeur.score, 1 / 3); // (2×0 + 1×1) / 3
  close(byId(heavy).valeur.score, 2 / 3); // (2×1 + 1×0) / 3
});

test("no answer at all: every principle not assessed, empty plan", () => {
  const result = compute(data(), {}, "lancement");
  assert.equal(result.answered, 0);
  assert.equal(result.total, 3);
  assert.ok(result.principles.every((p) => p.score === null && p.count === 0));
  assert.deepEqual(result.plan, []);
});

test("a principle with no question stays not assessed, in page order", () => {
  const result = compute(data(), { "vote-1": "en-cours", "capital-1": "en-cours", "capital-2": "en-cours" }, "");
  assert.deepEqual(result.principles.map((p) => p.id), ["gouvernance", "valeur", "ethique"]);
  const ethique = byId(result).ethique;
  assert.equal(ethique.score, null);
  assert.equal(ethique.count, 0);
  assert.equal(ethique.label, "Éthique");
});

test("'not applicable' counts as answered but leaves the scores and the plan", () => {
  const result = compute(data(), { "vote-1": "non-applicable", "capital-1": "pas-commence" }, "");
  assert.equal(result.answered, 2);
  const p = byId(result);
  close(p.gouvernance.score, 0); // only capital-1 counts
  assert.equal(p.gouvernance.count, 1);
  assert.deepEqual(result.plan.map((entry) => entry.card.id), ["capital"]);
});

test("unknown steps and questions are ignored", () => {
  const result = compute(data(), { "vote-1": "peut-etre", "autre-1": "en-place" }, "");
  assert.equal(result.answered, 0);
  assert.ok(result.principles.every((p) => p.score === null));
});

test("the current stage multiplies a matching card's priority; ties sorted by title", () => {
  const answers = { "vote-1": "en-cours", "capital-1": "pas-commence", "capital-2": "pas-commence" };
  // vote: 0.5 × 2 / 1 = 1; capital: 1 × 3 / 3 = 1 -> tie, "Écrire…" before "Ouvrir…" in French order.
  const plain = compute(data(), answers, "");
  assert.deepEqual(plain.plan.map((entry) => entry.card.id), ["vote", "capital"]);
  close(plain.plan[0].priority, 1);
  close(plain.plan[1].priority, 1);
  const launched = compute(data(), answers, "developpement");
  assert.deepEqual(launched.plan.map((entry) => entry.card.id), ["capital", "vote"]);
  close(launched.plan[0].priority, 1.5);
});

test("the inputs are left unchanged", () => {
  const input = data();
  const answers = { "vote-1": "en-cours" };
  const before = JSON.stringify([input, answers]);
  compute(input, answers, "lancement");
  assert.equal(JSON.stringify([input, answers]), before);
});
