"""A synthetic but realistic corpus, written into a throwaway copy of the project.

Cards have the size and shape of the real ones (about 400 words of French-like
prose spread over every field, glossary terms that become tooltips, links,
related cards) and use only terms of ``data/vocabularies/*.yml``, so that
``plateformcoop check`` accepts them. A few courses with lessons, every kind of
block and quizzes cite the generated cards.

The same text is also written as plain Markdown pages (``write_plain_project``):
stock MkDocs + Material builds it, which gives the reference time the engine's
overhead is measured against. Everything is deterministic (seeded).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.project import REPO, copy_skeleton

UPDATED = "2026-11-23"

# --- French-like prose ------------------------------------------------------------
# Sentences are assembled from these pieces: grammatical, varied, with the words
# (SCIC, sociétaires, RGPD…) that the glossary turns into tooltips on real pages.

SUBJECTS = (
    "La coopérative", "La plateforme", "Le conseil d'administration", "Chaque sociétaire",
    "La collectivité", "L'équipe salariée", "Le collège des usagers", "Le réseau régional",
    "L'assemblée générale", "La SCIC", "La SCOP", "Le comité de pilotage", "La direction",
    "Le groupe de travail", "La commission finances", "L'élue référente", "Le service économique",
    "Chaque collège de vote", "La fédération", "L'accompagnateur", "Le tiers-lieu",
    "La communauté des contributeurs", "Le collectif de livreurs", "La coopérative d'activité et d'emploi",
)
VERBS = (
    "organise", "prépare", "documente", "finance", "partage", "évalue", "publie", "vérifie",
    "accompagne", "mutualise", "présente", "révise", "simplifie", "planifie", "explique",
    "soutient", "décrit", "compare", "ajuste", "formalise", "suit", "discute", "adopte", "met à jour",
)
OBJECTS = (
    "les règles de vote", "un budget prévisionnel sur trois ans", "la répartition des excédents",
    "les données des usagers", "le code source du logiciel", "une convention pluriannuelle d'objectifs",
    "les parts sociales", "la grille de rémunération", "le registre des traitements",
    "les conditions générales d'utilisation", "le plan de formation des sociétaires",
    "la charte des contributeurs", "les réserves impartageables", "le calendrier des instances",
    "les indicateurs d'impact social", "la politique tarifaire", "le contrat d'hébergement",
    "les clauses sociales du marché", "le rapport de révision coopérative", "la feuille de route technique",
    "les statuts de la coopérative", "le parcours d'accueil des nouveaux membres",
    "les titres participatifs", "la liste des logiciels libres utilisés",
)
COMPLEMENTS = (
    "avant chaque assemblée générale", "avec les partenaires du territoire",
    "pour garder la confiance des sociétaires", "dans le respect du RGPD",
    "sur une période de trois ans", "au sein de la SCIC", "en lien avec la CRESS",
    "avec l'appui de l'URSCOP", "dès la phase d'émergence", "à chaque renouvellement du bureau",
    "pour que chacun puisse suivre les décisions", "en langage clair et sans jargon",
    "dans un document partagé", "avec les autres plateformes coopératives",
    "au moment du bilan annuel", "en associant les travailleurs concernés",
    "sans attendre la prochaine crise", "dans le cadre de l'économie sociale et solidaire",
    "auprès des élus du territoire", "lors d'un atelier ouvert aux usagers",
)
CONNECTORS = (
    "Ensuite,", "En pratique,", "Pour cela,", "De plus,", "Concrètement,", "À terme,",
    "Dans les faits,", "Le plus souvent,", "Au départ,", "Par ailleurs,", "Surtout,", "",
)
REASONS = (
    "ce qui évite les malentendus", "ce qui rend les arbitrages plus sereins",
    "ce qui protège le projet commun", "ce qui facilite l'arrivée de nouveaux membres",
    "ce qui limite la dépendance à un seul financeur", "ce qui donne du poids aux plus petits collèges",
    "ce qui rassure les partenaires publics", "ce qui réduit le temps passé en réunion",
)
INFINITIVES = (
    "Organiser", "Préparer", "Documenter", "Financer", "Partager", "Évaluer", "Publier",
    "Vérifier", "Mutualiser", "Réviser", "Simplifier", "Planifier", "Expliquer", "Formaliser",
    "Ouvrir", "Sécuriser", "Outiller", "Accompagner",
)
PLACES = ("Lille", "Arras", "Calais", "Dunkerque", "Lens", "Valenciennes", "Douai", "Béthune", "Roubaix", "Boulogne-sur-Mer")
ORG_KINDS = ("Coopérative", "SCIC", "Scop", "Collectif", "Plateforme", "Association")
ORG_NAMES = ("Vélocité", "Panier commun", "Roue libre", "Trajets partagés", "Bon voisinage", "Atelier numérique", "Terre et table", "Coursiers du Nord", "Soin partagé", "Données en commun")
LINK_TARGETS = (
    ("le texte de la loi sur Légifrance", "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004"),
    ("la fiche pratique de Service-Public", "https://www.service-public.fr/professionnels-entreprises"),
    ("le guide de la CNIL", "https://www.cnil.fr/fr/rgpd-de-quoi-parle-t-on"),
    ("le site des Scic", "https://www.les-scic.coop/"),
    ("le réseau RTES", "https://www.rtes.fr/"),
    ("les ressources de l'Avise", "https://www.avise.org/"),
)
QUESTION_STARTS = ("Avez-vous", "Votre structure a-t-elle", "Les sociétaires ont-ils", "La collectivité a-t-elle", "L'équipe a-t-elle")
QUESTION_VERBS = ("formalisé", "publié", "partagé", "évalué", "documenté", "révisé", "présenté")


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


class Prose:
    """Deterministic French-like sentences and paragraphs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self, *, rich: bool = False) -> str:
        r = self.rng
        connector = r.choice(CONNECTORS)
        subject = r.choice(SUBJECTS)
        if connector:
            subject = subject[0].lower() + subject[1:]
        obj = r.choice(OBJECTS)
        if rich and r.random() < 0.35:
            obj = f"**{obj}**"
        parts = [connector, subject, r.choice(VERBS), obj, r.choice(COMPLEMENTS)]
        if r.random() < 0.4:
            parts[-1] += ", " + r.choice(REASONS)
        text = " ".join(p for p in parts if p)
        text = text[0].upper() + text[1:]
        if rich and r.random() < 0.12:
            label, url = r.choice(LINK_TARGETS)
            text += f" ; voir [{label}]({url})"
        return text + "."

    def short_sentence(self, limit: int = 200) -> str:
        """A plain sentence that fits a length-limited field."""
        sentence = self.sentence()
        while len(sentence) > limit:
            sentence = self.sentence()
        return sentence

    def words(self, count: int, *, rich: bool = True) -> str:
        """Sentences until about ``count`` words."""
        out: list[str] = []
        total = 0
        while total < count:
            sentence = self.sentence(rich=rich)
            out.append(sentence)
            total += len(sentence.split())
        return " ".join(out)

    def paragraphs(self, count: int, words: int) -> str:
        return "\n\n".join(self.words(words) for _ in range(count))

    def title(self, limit: int = 90) -> str:
        r = self.rng
        title = f"{r.choice(INFINITIVES)} {r.choice(OBJECTS)} {r.choice(COMPLEMENTS)}"
        while len(title) > limit:
            title = title.rsplit(" ", 1)[0]
        return title

    def question(self) -> str:
        r = self.rng
        return f"{r.choice(QUESTION_STARTS)} {r.choice(QUESTION_VERBS)} {r.choice(OBJECTS)} {r.choice(COMPLEMENTS)} ?"


# --- Cards --------------------------------------------------------------------------


def vocabulary_ids(root: Path) -> dict[str, list[str]]:
    """Term ids of every vocabulary of a project (data/vocabularies/<name>.yml)."""
    ids = {}
    for path in sorted((root / "data" / "vocabularies").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids[path.stem] = [term["id"] for term in data["terms"]]
    return ids


def _pick(rng: random.Random, values: list[str], low: int, high: int) -> list[str]:
    return rng.sample(values, rng.randint(low, min(high, len(values))))


def card_ids(count: int, seed: int = 1) -> list[tuple[str, str]]:
    """(id, title) of ``count`` cards; ids are unique, titles are realistic."""
    prose = Prose(random.Random(f"titles-{seed}"))
    out = []
    for number in range(1, count + 1):
        title = prose.title()
        out.append((f"{slugify(title)[:60].strip('-')}-{number}", title))
    return out


def make_card(card_id: str, title: str, all_ids: list[str], vocabularies: dict[str, list[str]], rng: random.Random) -> dict:
    """One valid card, about 400 words of prose over all fields."""
    prose = Prose(rng)
    others = [other for other in rng.sample(all_ids, min(len(all_ids), 4)) if other != card_id][: rng.randint(1, 3)]
    place = rng.choice(PLACES)
    name = f"{rng.choice(ORG_KINDS)} {rng.choice(ORG_NAMES)} ({place})"
    examples = [{"name": name, "url": f"https://www.{slugify(name)}.fr/", "description": prose.words(24)}]
    if rng.random() < 0.4:
        examples.append({"name": f"Ville de {rng.choice(PLACES)}", "description": prose.words(16)})
    label, url = rng.choice(LINK_TARGETS)
    resources = [
        {"title": label[0].upper() + label[1:], "url": url, "kind": rng.choice(vocabularies["resource-kinds"])},
        {"title": prose.title(120), "url": f"https://www.avise.org/ressources/{slugify(title)[:40]}", "kind": rng.choice(vocabularies["resource-kinds"])},
    ]
    questions = [{"question": prose.question()} for _ in range(rng.randint(1, 3))]
    for question in questions:
        if rng.random() < 0.4:
            question["weight"] = rng.randint(1, 3)
    summary = prose.short_sentence(200)
    return {
        "id": card_id,
        "lang": "fr",
        "title": title,
        "summary": summary,
        "problem": prose.paragraphs(1, 45),
        "practice": prose.paragraphs(2, 45),
        "steps": [prose.words(14) for _ in range(rng.randint(3, 5))],
        "pitfalls": [prose.words(16) for _ in range(rng.randint(2, 3))],
        "examples": examples,
        "resources": resources,
        "related": others,
        "self_assessment": questions,
        "principles": _pick(rng, vocabularies["principles"], 1, 2),
        "themes": _pick(rng, vocabularies["themes"], 1, 3),
        "audiences": _pick(rng, vocabularies["audiences"], 1, 2),
        "stages": _pick(rng, vocabularies["stages"], 1, 2),
        "effort": rng.choice(vocabularies["levels"]),
        "impact": rng.choice(vocabularies["levels"]),
        "authors": ["Équipe Plateformcoop"],
        "updated": UPDATED,
        "license": vocabularies["licenses"][0],
    }


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str) -> str:
    """A literal block scalar, lines wrapped like a hand-written card."""
    lines = []
    for paragraph in text.split("\n\n"):
        lines += textwrap.wrap(paragraph, 76, break_long_words=False, break_on_hyphens=False) + [""]
    body = "\n".join(indent + line if line else "" for line in lines[:-1])
    return "|-\n" + body


def card_yaml(card: dict) -> str:
    """The card as a contributor would write it (modeline, block scalars, flow lists)."""
    out = ["# yaml-language-server: $schema=../schemas/practice.schema.json"]
    out += [f"id: {card['id']}", f"lang: {card['lang']}", f"title: {_q(card['title'])}", f"summary: {_q(card['summary'])}"]
    out.append("problem: " + _block(card["problem"], "  "))
    out.append("practice: " + _block(card["practice"], "  "))
    for key in ("steps", "pitfalls"):
        out.append(f"{key}:")
        out += ["  - " + _block(item, "    ") for item in card[key]]
    out.append("examples:")
    for example in card["examples"]:
        out.append(f"  - name: {_q(example['name'])}")
        if "url" in example:
            out.append(f"    url: {example['url']}")
        out.append("    description: " + _block(example["description"], "      "))
    out.append("resources:")
    for resource in card["resources"]:
        out += [f"  - title: {_q(resource['title'])}", f"    url: {resource['url']}", f"    kind: {resource['kind']}"]
    out.append("related:" + ("" if card["related"] else " []"))
    out += [f"  - {other}" for other in card["related"]]
    out.append("self_assessment:")
    for question in card["self_assessment"]:
        out.append(f"  - question: {_q(question['question'])}")
        if "weight" in question:
            out.append(f"    weight: {question['weight']}")
    for key in ("principles", "themes", "audiences", "stages", "authors"):
        out.append(f"{key}: [{', '.join(card[key])}]")
    out += [f"effort: {card['effort']}", f"impact: {card['impact']}", f"updated: {card['updated']}", f"license: {card['license']}"]
    return "\n".join(out) + "\n"


def card_markdown(card: dict) -> str:
    """The same text as a plain Markdown page (what stock MkDocs builds for the reference)."""
    out = [f"# {card['title']}\n", f"{card['summary']}\n", f"## Le problème\n\n{card['problem']}\n", f"## La pratique\n\n{card['practice']}\n"]
    out.append("## Étapes\n\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(card["steps"], 1)) + "\n")
    out.append("## Pièges à éviter\n\n" + "\n".join(f"- {p}" for p in card["pitfalls"]) + "\n")
    out.append("## Exemples\n")
    for example in card["examples"]:
        out.append(f"### {example['name']}\n\n{example['description']}\n")
        if "url" in example:
            out.append(f"[Site de {example['name']}]({example['url']})\n")
    out.append("## Ressources\n\n" + "\n".join(f"- [{r['title']}]({r['url']}) — *{r['kind']}*" for r in card["resources"]) + "\n")
    out.append("## Autodiagnostic\n\n" + "\n".join(f"- {q['question']}" for q in card["self_assessment"]) + "\n")
    return "\n".join(out)


# --- Courses ------------------------------------------------------------------------


def make_lesson(title: str, cited: list[str], rng: random.Random) -> tuple[dict, str]:
    """(front matter, body) of a lesson with every kind of block and two quizzes."""
    prose = Prose(rng)
    meta = {
        "title": title,
        "duration": rng.choice((15, 20, 25, 30)),
        "objectives": [prose.short_sentence(200) for _ in range(2)],
        "key_points": [prose.short_sentence(300) for _ in range(2)],
    }
    correct = prose.sentence()
    body = f"""## {prose.title(60)}

{prose.paragraphs(2, 60)}

Pour aller plus loin, lisez la fiche [[fiche:{cited[0]}]].

### {prose.title(60)}

{prose.paragraphs(1, 60)}

::: exercice {prose.title(70)}
{prose.words(40)}

--- solution
{prose.words(40)}
:::

## {prose.title(60)}

{prose.paragraphs(2, 50)} La fiche [[fiche:{cited[1]}]] donne des exemples.

::: discussion {prose.title(70)}
{prose.words(30)}
:::

::: quiz {prose.question()}
- [x] {correct}
  > {prose.sentence()}
- [ ] {prose.sentence()}
  > {prose.sentence()}
- [ ] {prose.sentence()}
  > {prose.sentence()}

--- explication
{prose.words(30)}
:::

::: quiz {prose.question()}
- [x] {prose.sentence()}
  > {prose.sentence()}
- [x] {prose.sentence()}
  > {prose.sentence()}
- [ ] {prose.sentence()}
  > {prose.sentence()}

--- explication
{prose.words(25)}
:::

::: a-retenir
{prose.words(25)}
:::

::: note-animateur
{prose.words(25)}
:::
"""
    return meta, body


def lesson_file(meta: dict, body: str) -> str:
    front = [f"title: {_q(meta['title'])}", f"duration: {meta['duration']}", "objectives:"]
    front += [f"  - {_q(o)}" for o in meta["objectives"]]
    front.append("key_points:")
    front += [f"  - {_q(k)}" for k in meta["key_points"]]
    return "---\n" + "\n".join(front) + "\n---\n\n" + body


_BLOCK = re.compile(r"(?m)^:::[ \t]*(?P<kind>[\w-]+)?[ \t]*(?P<title>.*)$")


def lesson_markdown(meta: dict, body: str, titles: dict[str, str]) -> str:
    """The lesson as plain Markdown: blocks become titled paragraphs, citations links."""
    body = re.sub(r"\[\[fiche:([^\]]+)\]\]", lambda m: f"[{titles[m.group(1)]}](../../pratiques/{m.group(1)}.md)", body)
    lines = []
    for line in body.split("\n"):
        match = _BLOCK.match(line)
        if match:
            if match.group("kind"):
                lines.append(f"**{match.group('kind')}** : {match.group('title')}".rstrip(" :"))
            continue
        if line.startswith("--- "):
            lines.append(f"**{line[4:]}**")
            continue
        lines.append(line.replace("- [x] ", "- ").replace("- [ ] ", "- "))
    key_points = "\n".join(f"- {k}" for k in meta["key_points"])
    objectives = "\n".join(f"- {o}" for o in meta["objectives"])
    return f"# {meta['title']}\n\n## Objectifs\n\n{objectives}\n\n" + "\n".join(lines) + f"\n\n## À retenir\n\n{key_points}\n"


# --- Projects -----------------------------------------------------------------------


@dataclass
class Corpus:
    """What was generated, and where."""

    root: Path
    cards: list[str]
    courses: dict[str, list[str]] = field(default_factory=dict)
    plain_root: Path | None = None
    raw_text_bytes: int = 0  # the plain Markdown pages (cards and lessons), UTF-8
    card_words: int = 0  # words of prose in the cards (YAML text fields)

    @property
    def lessons(self) -> int:
        return sum(len(ids) for ids in self.courses.values())


def _count_words(card: dict) -> int:
    texts = [card["title"], card["summary"], card["problem"], card["practice"], *card["steps"], *card["pitfalls"]]
    texts += [e["description"] for e in card["examples"]] + [r["title"] for r in card["resources"]]
    texts += [q["question"] for q in card["self_assessment"]]
    return sum(len(text.split()) for text in texts)


def generate(
    dest: Path,
    cards: int,
    *,
    courses: int = 3,
    lessons_per_course: int = 4,
    plain: Path | None = None,
    seed: int = 1,
) -> Corpus:
    """Write a project with ``cards`` cards and ``courses`` courses into ``dest``.

    With ``plain``, also write the same text as stock MkDocs pages there.
    The first cards are the same whatever ``cards`` is (same seed).
    """
    copy_skeleton(dest)
    (dest / "practices").mkdir()
    (dest / "courses").mkdir()
    vocabularies = vocabulary_ids(dest)
    cards_list = card_ids(cards, seed)
    ids = [card_id for card_id, _ in cards_list]
    titles = dict(cards_list)
    corpus = Corpus(root=dest, cards=ids, plain_root=plain)
    plain_docs = None
    if plain is not None:
        plain_docs = write_plain_project(plain)
    for number, (card_id, title) in enumerate(cards_list):
        card = make_card(card_id, title, ids, vocabularies, random.Random(f"{seed}-{number}"))
        (dest / "practices" / f"{card_id}.yml").write_text(card_yaml(card), encoding="utf-8")
        corpus.card_words += _count_words(card)
        if plain_docs is not None:
            text = card_markdown(card)
            (plain_docs / "pratiques" / f"{card_id}.md").write_text(text, encoding="utf-8")
            corpus.raw_text_bytes += len(text.encode())
    rng = random.Random(f"courses-{seed}")
    prose = Prose(rng)
    for course_number in range(1, courses + 1):
        title = prose.title(100)
        course_id = f"module-{course_number}-{slugify(title)[:40].strip('-')}"
        folder = dest / "courses" / course_id
        folder.mkdir()
        lesson_ids = []
        for lesson_number in range(1, lessons_per_course + 1):
            lesson_title = prose.title(100)
            lesson_id = f"{slugify(lesson_title)[:50].strip('-')}-{lesson_number}"
            cited = [ids[(course_number * 7 + lesson_number * 3 + k) % len(ids)] for k in range(2)]
            meta, body = make_lesson(lesson_title, cited, rng)
            (folder / f"{lesson_number:02d}-{lesson_id}.md").write_text(lesson_file(meta, body), encoding="utf-8")
            lesson_ids.append(lesson_id)
            if plain_docs is not None:
                text = lesson_markdown(meta, body, titles)
                target = plain_docs / "formations" / course_id / f"{lesson_id}.md"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                corpus.raw_text_bytes += len(text.encode())
        course = [
            f"id: {course_id}",
            "lang: fr",
            f"title: {_q(title)}",
            f"summary: {_q(prose.short_sentence(300))}",
            f"audiences: [{', '.join(vocabularies['audiences'][:2])}]",
            f"level: {vocabularies['course-levels'][course_number % len(vocabularies['course-levels'])]}",
            "objectives:",
            *[f"  - {_q(prose.short_sentence(200))}" for _ in range(3)],
            "prerequisites: []",
            "lessons:",
            *[f"  - {lesson_id}" for lesson_id in lesson_ids],
            "authors: [Équipe Plateformcoop]",
            f"updated: {UPDATED}",
            f"license: {vocabularies['licenses'][0]}",
        ]
        (folder / "course.yml").write_text("\n".join(course) + "\n", encoding="utf-8")
        corpus.courses[course_id] = lesson_ids
    return corpus


def plain_config(source: Path = REPO / "mkdocs.yml", snippets: bool = False) -> dict:
    """Stock MkDocs + Material with the project's theme settings: no hooks, no macros,
    no custom templates, scripts or styles; content pages out of the nav. The snippets
    extension is kept only where the included files are copied too."""
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    # The project's search is Pagefind (hooks/search.py); stock Material keeps its own
    # (lunr), in the site's language.
    search = next((p["search"] for p in config.get("plugins", []) if isinstance(p, dict) and "search" in p), {"lang": "fr"})
    extensions = [
        e for e in config.get("markdown_extensions", []) if snippets or not (isinstance(e, dict) and "pymdownx.snippets" in e)
    ]
    return {
        "site_name": config.get("site_name", "Plateformcoop"),
        "site_url": config.get("site_url"),
        "theme": theme,
        "extra": {"generator": False},
        "plugins": [{"search": search}],
        "markdown_extensions": extensions,
        "validation": config.get("validation", {}),
        "not_in_nav": "/pratiques/*.md\n/formations/*/*.md\n",
        "nav": [{"Accueil": "index.md"}],
    }


def write_plain_project(dest: Path) -> Path:
    """An empty stock project; returns its docs/ folder (pages are added by generate)."""
    docs = dest / "docs"
    (docs / "pratiques").mkdir(parents=True, exist_ok=True)
    (docs / "formations").mkdir(exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    (docs / "index.md").write_text("# Accueil\n\nLe même texte que le site du projet, en pages Markdown simples.\n", encoding="utf-8")
    return docs


def rendered_config(source: Path) -> dict:
    """Stock MkDocs + Material with the project's nav and theme settings, no engine:
    no hooks, no macros, no custom templates, scripts or styles."""
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    plain = plain_config(source, snippets=True)
    plain["nav"] = config.get("nav", plain["nav"])
    plain["not_in_nav"] = config.get("not_in_nav", plain["not_in_nav"])
    return plain


def write_rendered_project(project: Path, dest: Path) -> int:
    """The pages the engine generates from ``project`` (and its hand-written pages),
    written as ordinary Markdown files in a stock project: the reference for the
    engine's own overhead. Returns the bytes of Markdown written."""
    from plateformcoop.content import load_content
    from plateformcoop.render.settings import SiteSettings
    from plateformcoop.render.site import generated_pages, static_files

    content = load_content(project)
    if content.problems:
        raise ValueError(f"{len(content.problems)} problems in {project}: {content.problems[0].one_line()}")
    docs = dest / "docs"
    shutil.copytree(project / "docs", docs, dirs_exist_ok=True)
    # The file the contribution page includes (pymdownx.snippets, same settings as the project).
    shutil.copyfile(project / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    written = 0
    for src_path, text in generated_pages(content, SiteSettings()).items():
        target = docs / src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    for src_path, absolute in static_files(content).items():
        target = docs / src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(absolute, target)
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(rendered_config(project / "mkdocs.yml"), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return written
