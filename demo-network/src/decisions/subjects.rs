//! What the demo network decides about, in English and French: a title, the proposal, the
//! outcome statement once passed, and (for polls) the options.

pub(crate) struct Subject {
    pub en: Text,
    pub fr: Text,
}

pub(crate) struct Text {
    pub title: &'static str,
    pub body: &'static str,
    pub statement: &'static str,
    /// Reasons people give for objecting or blocking.
    pub concern: &'static str,
}

const fn text(
    title: &'static str,
    body: &'static str,
    statement: &'static str,
    concern: &'static str,
) -> Text {
    Text {
        title,
        body,
        statement,
        concern,
    }
}

/// Formal decisions (lazy consent).
pub(crate) const FORMAL: [Subject; 8] = [
    Subject {
        en: text("Adopt the city charter for shared spaces", "We propose a one-page charter for every space we borrow: leave it as we found it, name a host per event, and share the keys through the connectors.", "Adopted. The charter is pinned in the city channel and read at each first event.", "The keys rule puts too much on the connectors."),
        fr: text("Adopter la charte des lieux partagés", "Nous proposons une charte d'une page pour chaque lieu prêté : le rendre comme on l'a trouvé, un·e hôte par événement, les clés confiées aux connecteur·rices.", "Adoptée. La charte est épinglée dans le canal de la ville et lue à chaque premier événement.", "La règle des clés repose trop sur les connecteur·rices."),
    },
    Subject {
        en: text("Allocate 4,000 € to the summer festival", "The festival team asks for 4,000 € from the city pot: 2,500 € for the venue, 1,000 € for travel grants and 500 € for accessibility.", "Passed: 4,000 € reserved; the team reports back in September.", "The travel grants have no selection rule yet."),
        fr: text("Attribuer 4 000 € au festival d'été", "L'équipe du festival demande 4 000 € au pot de la ville : 2 500 € pour le lieu, 1 000 € de bourses de voyage et 500 € pour l'accessibilité.", "Adoptée : 4 000 € réservés ; l'équipe fera son retour en septembre.", "Les bourses de voyage n'ont pas encore de règle d'attribution."),
    },
    Subject {
        en: text("Publish our research under a Creative Commons licence", "Everything the network writes together is published under CC BY-SA 4.0, unless the authors agree otherwise before starting.", "Adopted for all new work; older texts follow as their authors agree.", "Some partners fund us on condition of exclusivity."),
        fr: text("Publier nos recherches sous licence Creative Commons", "Tout ce que le réseau écrit ensemble est publié sous CC BY-SA 4.0, sauf accord contraire des auteur·rices avant de commencer.", "Adoptée pour tous les nouveaux travaux ; les textes anciens suivront avec l'accord de leurs auteur·rices.", "Certains partenaires nous financent à condition d'exclusivité."),
    },
    Subject {
        en: text("Welcome newcomers with a monthly onboarding circle", "Each month, two connectors host a one-hour circle for people who joined: how we decide, where we talk, how to start a project.", "Passed. The first circle is on the first Tuesday of the month.", "Monthly is too often for a city of our size."),
        fr: text("Accueillir les nouveaux avec un cercle mensuel", "Chaque mois, deux connecteur·rices animent un cercle d'une heure pour les arrivant·es : comment on décide, où l'on discute, comment lancer un projet.", "Adoptée. Le premier cercle a lieu le premier mardi du mois.", "Une fois par mois, c'est trop souvent pour une ville de notre taille."),
    },
    Subject {
        en: text("Join the regional commons alliance", "We join the alliance of commons organisations in our region as an observer for one year, with no fee and no exclusivity.", "Passed. Our observer seat is shared by the connectors in turn.", "We have not read the alliance's statutes yet."),
        fr: text("Rejoindre l'alliance régionale des communs", "Nous rejoignons l'alliance des organisations des communs de la région comme observateur pendant un an, sans cotisation ni exclusivité.", "Adoptée. Le siège d'observateur tourne entre les connecteur·rices.", "Nous n'avons pas encore lu les statuts de l'alliance."),
    },
    Subject {
        en: text("A code of conduct for every event", "Every event we host links to the network's code of conduct and names two people to contact if something goes wrong.", "Adopted. Event pages now carry the two contacts.", "We need a process for what happens after a report."),
        fr: text("Un code de conduite pour chaque événement", "Chaque événement que nous accueillons renvoie au code de conduite du réseau et nomme deux personnes à contacter en cas de problème.", "Adoptée. Les pages d'événement indiquent désormais les deux contacts.", "Il faut un processus pour ce qui suit un signalement."),
    },
    Subject {
        en: text("Cap any single payout at 10 % of the city pot", "No bucket or project receives more than 10 % of the city's yearly pot without a separate lazy-consent decision.", "Passed. The cap applies from the next round.", "It slows down the one big project we have this year."),
        fr: text("Plafonner chaque versement à 10 % du pot de la ville", "Aucun projet ne reçoit plus de 10 % du pot annuel de la ville sans une décision distincte par consentement tacite.", "Adoptée. Le plafond s'applique dès le prochain tour.", "Cela freine le seul grand projet que nous avons cette année."),
    },
    Subject {
        en: text("Move our archives to the network's shared drive", "We move the city's documents from personal accounts to the shared drive, with the connectors as owners.", "Adopted; the move is done and links were updated.", "Some documents hold personal data that must not move."),
        fr: text("Déplacer nos archives vers le drive partagé du réseau", "Nous déplaçons les documents de la ville des comptes personnels vers le drive partagé, avec les connecteur·rices comme propriétaires.", "Adoptée ; le déménagement est fait et les liens sont à jour.", "Certains documents contiennent des données personnelles qui ne doivent pas bouger."),
    },
];

/// Day-to-day decisions (3-connector rule).
pub(crate) const DAY_TO_DAY: [Subject; 4] = [
    Subject {
        en: text("A first meetup in a neighbouring town", "A member offers to host a first meetup in their town next month, in a café, at no cost to the network.", "Agreed by three connectors; announced in the city channel.", "Same evening as our assembly."),
        fr: text("Une première rencontre dans une ville voisine", "Un membre propose d'accueillir une première rencontre dans sa ville le mois prochain, dans un café, sans frais pour le réseau.", "Validée par trois connecteur·rices ; annoncée dans le canal de la ville.", "Même soir que notre assemblée."),
    },
    Subject {
        en: text("Move the monthly drinks to Thursdays", "Tuesdays clash with two other communities; Thursdays are free at our usual place.", "Agreed: drinks are on Thursdays from next month.", "Thursdays exclude the parents of the group."),
        fr: text("Passer l'apéro mensuel au jeudi", "Le mardi tombe en même temps que deux autres communautés ; le jeudi est libre dans notre lieu habituel.", "Validé : l'apéro a lieu le jeudi dès le mois prochain.", "Le jeudi exclut les parents du groupe."),
    },
    Subject {
        en: text("Open a channel for the urban gardening group", "The gardening group asks for its own topic to stop flooding the city channel.", "Agreed; the topic is open.", "A thread would do."),
        fr: text("Ouvrir un canal pour le groupe jardinage urbain", "Le groupe jardinage demande son propre sujet pour ne plus inonder le canal de la ville.", "Validé ; le sujet est ouvert.", "Un fil suffirait."),
    },
    Subject {
        en: text("Co-host a workshop with the local library", "The library offers its room for a workshop on open data, with one of our members facilitating.", "Agreed by three connectors.", "We promised that room to another group."),
        fr: text("Co-organiser un atelier avec la médiathèque", "La médiathèque prête sa salle pour un atelier sur les données ouvertes, animé par l'un·e de nos membres.", "Validé par trois connecteur·rices.", "Nous avions promis cette salle à un autre groupe."),
    },
];

/// Advice (sense checks).
pub(crate) const ADVICE: [Subject; 3] = [
    Subject {
        en: text("Should the yearly gathering move to spring?", "Autumn gatherings keep clashing with other conferences. How would you feel about spring?", "Most were for spring; the gathering team will look for dates.", "Spring is exam season for many of us."),
        fr: text("Le rassemblement annuel au printemps ?", "Les rassemblements d'automne tombent toujours en même temps que d'autres conférences. Que penseriez-vous du printemps ?", "Une majorité pour le printemps ; l'équipe cherche des dates.", "Le printemps, c'est la saison des examens pour beaucoup."),
    },
    Subject {
        en: text("Would you use a shared tool library?", "Before we look for a place: would you borrow and lend tools through the network?", "Strong interest; a small group is looking for a place.", "Insurance worries me."),
        fr: text("Utiliseriez-vous une outilthèque partagée ?", "Avant de chercher un lieu : emprunteriez-vous et prêteriez-vous des outils via le réseau ?", "Fort intérêt ; un petit groupe cherche un lieu.", "L'assurance m'inquiète."),
    },
    Subject {
        en: text("Is the newsletter still useful?", "We send a monthly newsletter to 3,000 people. Do you read it? Should it change?", "Mixed answers: it becomes quarterly and shorter.", "I only read the agenda part."),
        fr: text("La lettre d'information est-elle encore utile ?", "Nous envoyons une lettre mensuelle à 3 000 personnes. La lisez-vous ? Faut-il la changer ?", "Avis partagés : elle devient trimestrielle et plus courte.", "Je ne lis que l'agenda."),
    },
];

/// Polls, with their options.
pub(crate) const POLLS: [(Subject, [&str; 3]); 2] = [
    (
        Subject {
            en: text("Which evening for the assembly?", "We have to pick one evening for the quarterly assembly; discussion did not settle it.", "Wednesday it is.", ""),
            fr: text("Quel soir pour l'assemblée ?", "Il faut choisir un soir pour l'assemblée trimestrielle ; la discussion n'a pas tranché.", "Ce sera le mercredi.", ""),
        },
        ["Tuesday", "Wednesday", "Thursday"],
    ),
    (
        Subject {
            en: text("Where should the next retreat be?", "Three places offered to host us for a weekend; we need to choose one.", "The farm won.", ""),
            fr: text("Où organiser la prochaine retraite ?", "Trois lieux proposent de nous accueillir un week-end ; il faut en choisir un.", "La ferme l'emporte.", ""),
        },
        ["The farm", "The mountain hut", "The seaside house"],
    ),
];
