//! Short profile bios in the person's likely language, built from sentence templates and
//! their skills. Simple markdown only (`*emphasis*`), never HTML or links.

use rand::Rng;

/// The languages bios are written in. Anyone whose languages include none of these writes in
/// English, the network's common language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BioLang {
    En = 0,
    Fr = 1,
    Es = 2,
    Pt = 3,
    It = 4,
    De = 5,
}

impl BioLang {
    pub(crate) fn from_code(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            "es" => Some(Self::Es),
            "pt" => Some(Self::Pt),
            "it" => Some(Self::It),
            "de" => Some(Self::De),
            _ => None,
        }
    }

    /// The ISO 639-1 code, as in `DemoPerson::languages`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::Es => "es",
            Self::Pt => "pt",
            Self::It => "it",
            Self::De => "de",
        }
    }

    /// Index into [`TEMPLATES`] and into `Skill::labels`.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Sentence templates of one language. `{city}` is the home city; `{a}` and `{b}` are two of the
/// person's skills. Placeholders never start a sentence, so no capitalisation is needed, and
/// the wording avoids grammatical gender because names do not tell it reliably.
struct Templates {
    openers: &'static [&'static str],
    connector: &'static [&'static str],
    skills: &'static [&'static str],
    closers: &'static [&'static str],
}

static TEMPLATES: [Templates; 6] = [
    Templates {
        openers: &[
            "Based in {city}, splitting my time between freelance work and community projects.",
            "I moved to {city} a few years ago and found my people here.",
            "Part of the {city} community since the early days.",
            "Independent consultant living in {city}.",
            "Exploring new ways of working and living together in {city}.",
            "Now living in {city} after years of moving around.",
        ],
        connector: &[
            "Connector of {city}: I welcome newcomers and help projects find each other.",
            "Connector in {city}, which mostly means making introductions and hosting meetups.",
            "I help coordinate the {city} community and look after its budget.",
        ],
        skills: &[
            "I work on *{a}* and *{b}*.",
            "Mostly into {a}, learning more about {b}.",
            "Happy to help with *{a}*; currently exploring {b}.",
            "Ask me about {a} or {b}.",
            "Ten years of {a}, and a growing interest in {b}.",
            "My days are about {a}, my evenings about {b}.",
        ],
        closers: &[
            "I joined to learn from peers.",
            "Looking for people to build things with.",
            "Always up for a coffee and a good conversation.",
            "I believe in *trust* over rules.",
            "Here to experiment, fail, and try again.",
            "Systemic change starts with the people next door.",
        ],
    },
    Templates {
        openers: &[
            "Je vis à {city} et je partage mon temps entre projets indépendants et collectifs.",
            "Installé·e à {city} depuis quelques années.",
            "Dans la communauté à {city} depuis ses débuts.",
            "Consultant·e indépendant·e à {city}.",
            "J'explore à {city} de nouvelles façons de travailler ensemble.",
        ],
        connector: &[
            "Connecteur·rice à {city} : j'accueille les nouvelles têtes et je relie les projets.",
            "Je coordonne la communauté à {city} et je veille sur son budget.",
        ],
        skills: &[
            "Mes sujets : *{a}* et *{b}*.",
            "Je donne un coup de main côté {a} et côté {b}.",
            "Mon terrain de jeu : *{a}*. Ma curiosité du moment : {b}.",
            "Compétences : {a}, {b}.",
            "Parlons {a} ou {b} autour d'un café !",
        ],
        closers: &[
            "Je suis là pour apprendre des autres.",
            "Toujours partant·e pour un café.",
            "Je crois à la *confiance* plus qu'aux règles.",
            "Ici pour expérimenter, rater et recommencer.",
            "À la recherche de personnes avec qui construire.",
        ],
    },
    Templates {
        openers: &[
            "Vivo en {city} y colaboro con varios colectivos.",
            "Desde {city}, explorando nuevas formas de trabajar juntos.",
            "Llegué a {city} hace unos años y aquí encontré a mi gente.",
            "Trabajo por mi cuenta en {city}.",
            "Parte de la comunidad de {city} desde el principio.",
        ],
        connector: &[
            "Soy connector en {city}: doy la bienvenida a quienes llegan y conecto proyectos.",
            "Coordino la comunidad de {city} y cuido su presupuesto.",
        ],
        skills: &[
            "Trabajo en *{a}* y *{b}*.",
            "Me muevo entre {a} y {b}.",
            "Puedo echar una mano con *{a}*; ahora estoy aprendiendo sobre {b}.",
            "Pregúntame por {a} o por {b}.",
            "Lo mío: {a}. Lo nuevo: {b}.",
        ],
        closers: &[
            "Estoy aquí para aprender de mis pares.",
            "Siempre con ganas de un buen café y una buena charla.",
            "Creo en la *confianza* más que en las reglas.",
            "Aquí para experimentar, equivocarme y volver a intentar.",
            "Busco gente con quien construir cosas.",
        ],
    },
    Templates {
        openers: &[
            "Moro em {city} e colaboro com vários coletivos.",
            "Direto de {city}, explorando novas formas de trabalhar juntos.",
            "Cheguei a {city} há alguns anos e aqui encontrei a minha turma.",
            "Trabalho por conta própria em {city}.",
            "Faço parte da comunidade de {city} desde o início.",
        ],
        connector: &[
            "Faço parte dos connectors de {city}: recebo quem chega e conecto projetos.",
            "Coordeno a comunidade de {city} e cuido do seu orçamento.",
        ],
        skills: &[
            "Trabalho com *{a}* e *{b}*.",
            "Transito entre {a} e {b}.",
            "Posso ajudar com *{a}*; no momento estou aprendendo sobre {b}.",
            "Me pergunte sobre {a} ou {b}.",
            "Meu lance: {a}. Minha descoberta recente: {b}.",
        ],
        closers: &[
            "Estou aqui para aprender com os meus pares.",
            "Sempre a fim de um café e uma boa conversa.",
            "Acredito mais na *confiança* do que nas regras.",
            "Aqui para experimentar, errar e tentar de novo.",
            "Procuro gente para construir coisas juntos.",
        ],
    },
    Templates {
        openers: &[
            "Vivo a {city} e collaboro con diversi collettivi.",
            "Da {city}, esploro nuovi modi di lavorare insieme.",
            "Da qualche anno {city} è casa mia.",
            "Lavoro in proprio a {city}.",
            "Faccio parte della comunità di {city} fin dall'inizio.",
        ],
        connector: &[
            "Sono tra i connector di {city}: accolgo chi arriva e metto in contatto i progetti.",
            "Coordino la comunità di {city} e mi occupo del suo budget.",
        ],
        skills: &[
            "Mi occupo di *{a}* e *{b}*.",
            "Mi muovo tra {a} e {b}.",
            "Posso dare una mano con *{a}*; in questo periodo approfondisco: {b}.",
            "Chiedetemi di {a} o di {b}.",
            "Il mio mestiere: {a}. La mia curiosità: {b}.",
        ],
        closers: &[
            "Sono qui per imparare dagli altri.",
            "Un caffè e una bella chiacchierata non si rifiutano mai.",
            "Credo nella *fiducia* più che nelle regole.",
            "Qui per sperimentare, sbagliare e riprovare.",
            "Cerco persone con cui costruire.",
        ],
    },
    Templates {
        openers: &[
            "Ich lebe in {city} und engagiere mich in mehreren Kollektiven.",
            "Aus {city}, auf der Suche nach neuen Formen der Zusammenarbeit.",
            "Seit ein paar Jahren ist {city} mein Zuhause.",
            "Selbstständig in {city}.",
            "Seit den Anfängen Teil der Community in {city}.",
        ],
        connector: &[
            "Ich bin Connector in {city}: Ich begrüße Neue und bringe Projekte zusammen.",
            "Ich koordiniere die Community in {city} und kümmere mich um ihr Budget.",
        ],
        skills: &[
            "Meine Themen: *{a}* und *{b}*.",
            "Ich bewege mich zwischen {a} und {b}.",
            "Ich helfe gern bei *{a}*; gerade lerne ich mehr über {b}.",
            "Sprich mich an zu {a} oder {b}.",
            "Mein Handwerk: {a}. Meine neue Neugier: {b}.",
        ],
        closers: &[
            "Ich bin hier, um von anderen zu lernen.",
            "Immer zu haben für einen Kaffee und ein gutes Gespräch.",
            "Ich setze auf *Vertrauen* statt auf Regeln.",
            "Hier, um zu experimentieren, zu scheitern und es neu zu versuchen.",
            "Ich suche Leute, mit denen ich etwas aufbauen kann.",
        ],
    },
];

fn pick<R: Rng>(rng: &mut R, items: &'static [&'static str]) -> &'static str {
    match items.len() {
        0 => "",
        len => items[rng.random_range(0..len)],
    }
}

/// A bio of one to three sentences: an opener about the city (or the connector role), a
/// sentence about two skills, and sometimes a closing line about why the person is here.
/// Connectors always say they are connectors, so their bios have at least two sentences.
pub(crate) fn compose<R: Rng>(
    rng: &mut R,
    lang: BioLang,
    city: &str,
    skills: (&str, &str),
    connector: bool,
) -> String {
    let t = &TEMPLATES[lang.index()];
    let sentences = match (connector, rng.random_range(0..20u32)) {
        (true, roll) => 2 + usize::from(roll < 10),
        (false, roll) if roll < 4 => 1,
        (false, roll) if roll < 13 => 2,
        (false, _) => 3,
    };
    let mut parts: Vec<String> = Vec::with_capacity(sentences);
    if sentences >= 2 {
        let openers = if connector { t.connector } else { t.openers };
        parts.push(pick(rng, openers).replace("{city}", city));
    }
    parts.push(
        pick(rng, t.skills)
            .replace("{a}", skills.0)
            .replace("{b}", skills.1),
    );
    if sentences == 3 {
        parts.push(pick(rng, t.closers).to_owned());
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn every_language_fills_every_placeholder() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for lang in [
            BioLang::En,
            BioLang::Fr,
            BioLang::Es,
            BioLang::Pt,
            BioLang::It,
            BioLang::De,
        ] {
            for connector in [false, true] {
                for _ in 0..50 {
                    let bio = compose(&mut rng, lang, "Lyon", ("design", "commons"), connector);
                    assert!(!bio.is_empty());
                    assert!(!bio.contains(['{', '}', '<', '>']), "{bio}");
                }
            }
        }
    }

    #[test]
    fn templates_use_only_known_placeholders() {
        for t in &TEMPLATES {
            for line in t.openers.iter().chain(t.connector) {
                assert!(line.contains("{city}") && !line.contains("{a}"), "{line}");
            }
            for line in t.skills {
                assert!(line.contains("{a}") && line.contains("{b}"), "{line}");
                assert!(!line.starts_with('{'), "{line}");
            }
            assert!(t.closers.iter().all(|l| !l.contains('{')));
        }
    }
}
