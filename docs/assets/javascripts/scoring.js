/* The diagnostic's scoring: a pure function of the page's data and the answers,
 * shared by the page (diagnostic.js) and the unit tests (tests/js/). No import,
 * no DOM, no storage.
 *
 * data: {scale: [{id, score}], principles: [{id, label}], levels: {id: {value}},
 *        stageBonus, cards: [{id, title, principles, impact, effort, stages,
 *        questions: [{id, weight}]}]}
 * answers: {questionId: stepId}; stage: a stage id or "".
 *
 * A principle's score is the weighted mean of the scores of the answered
 * questions of its cards (null when none is answered: "not assessed"). A step
 * whose score is null ("not applicable") counts as answered but weighs nothing.
 * The plan lists the cards with a gap (1 - their weighted score), by priority
 * gap x impact / effort (x stageBonus when the card fits the current stage),
 * then by title. */
export function compute(data, answers, stage) {
  var scoreOf = {};
  data.scale.forEach(function (step) { scoreOf[step.id] = step.score; });
  var sums = {};
  data.principles.forEach(function (p) { sums[p.id] = { weighted: 0, weights: 0, count: 0 }; });
  var answered = 0;
  var total = 0;
  var plan = [];
  data.cards.forEach(function (card) {
    var cardWeighted = 0;
    var cardWeights = 0;
    card.questions.forEach(function (question) {
      total += 1;
      var step = answers[question.id];
      if (!step || !Object.prototype.hasOwnProperty.call(scoreOf, step)) return;
      answered += 1;
      var score = scoreOf[step];
      if (score === null || score === undefined) return;
      cardWeighted += question.weight * score;
      cardWeights += question.weight;
      card.principles.forEach(function (principle) {
        var sum = sums[principle];
        if (!sum) return;
        sum.weighted += question.weight * score;
        sum.weights += question.weight;
        sum.count += 1;
      });
    });
    if (!cardWeights) return;
    var gap = 1 - cardWeighted / cardWeights;
    if (gap <= 0) return;
    var priority = gap * data.levels[card.impact].value / data.levels[card.effort].value;
    if (stage && card.stages.indexOf(stage) !== -1) priority *= data.stageBonus;
    plan.push({ card: card, gap: gap, priority: priority });
  });
  plan.sort(function (a, b) {
    return b.priority - a.priority || a.card.title.localeCompare(b.card.title, "fr");
  });
  var principles = data.principles.map(function (p) {
    var sum = sums[p.id];
    return { id: p.id, label: p.label, score: sum.weights ? sum.weighted / sum.weights : null, count: sum.count };
  });
  return { principles: principles, plan: plan, answered: answered, total: total };
}
