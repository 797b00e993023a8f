//! The ten language regions of the default network, at least 40 given names and 40 surnames
//! each (tested in `names.rs`), with the diacritics people really write.

use super::NamePool;

pub(crate) static FRENCH: NamePool = NamePool {
    female: &[
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Juliette", "Louise", "Margaux", "Pauline",
        "Clémence", "Élodie", "Mathilde", "Anaïs", "Hélène", "Sophie", "Claire", "Aurélie",
        "Céline", "Agathe", "Zoé", "Lucie", "Émilie",
    ],
    male: &[
        "Thomas", "Nicolas", "Julien", "Antoine", "Maxime", "Hugo", "Louis", "Théo", "Baptiste",
        "Clément", "Mathieu", "Raphaël", "Guillaume", "Benoît", "Étienne", "Jérôme", "François",
        "Arnaud", "Cédric", "Lucas", "Olivier", "Rémi",
    ],
    last: &[
        "Martin", "Bernard", "Dubois", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Vincent", "Faure", "André", "Mercier", "Blanc",
        "Guérin", "Boyer", "Garnier", "Chevalier", "Legrand", "Gauthier", "Perrin", "Robin",
        "Morin", "Roussel", "Masson", "Marchand", "Duval", "Lemaire", "Brunet", "Caron",
        "Barbier", "Benhamou", "Nguyen",
    ],
    last_female: &[],
    langs: &["fr"],
    double_surname: false,
    abroad_weight: 5,
};

pub(crate) static SPANISH: NamePool = NamePool {
    female: &[
        "Lucía", "María", "Paula", "Laura", "Marta", "Carmen", "Elena", "Sara", "Alba", "Irene",
        "Cristina", "Núria", "Montserrat", "Ainhoa", "Claudia", "Andrea", "Rocío", "Pilar",
        "Inés", "Julia", "Noelia", "Beatriz",
    ],
    male: &[
        "Javier", "Alejandro", "Pablo", "Daniel", "David", "Sergio", "Adrián", "Álvaro", "Jorge",
        "Carlos", "Iñaki", "Jordi", "Pau", "Marc", "Íker", "Raúl", "Rubén", "Andrés", "Gonzalo",
        "Joaquín", "Óscar", "Miguel",
    ],
    last: &[
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
        "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
        "Gil", "Serrano", "Blanco", "Molina", "Ortega", "Delgado", "Castro", "Rubio", "Marín",
        "Sanz", "Iglesias", "Núñez", "Garrido", "Puig", "Vidal", "Ferrer", "Soler", "Roca",
        "Echeverría",
    ],
    last_female: &[],
    langs: &["es"],
    double_surname: true,
    abroad_weight: 5,
};

pub(crate) static LUSOPHONE: NamePool = NamePool {
    female: &[
        "Ana", "Beatriz", "Mariana", "Inês", "Joana", "Carolina", "Sofia", "Rita", "Catarina",
        "Larissa", "Juliana", "Fernanda", "Gabriela", "Letícia", "Camila", "Luíza", "Bianca",
        "Thaís", "Raquel", "Débora", "Vitória", "Conceição",
    ],
    male: &[
        "João", "Pedro", "Tiago", "Rafael", "Gustavo", "Lucas", "Miguel", "Gonçalo", "Rodrigo",
        "Bruno", "Felipe", "Vinícius", "Matheus", "André", "Diogo", "Caio", "Leonardo",
        "Henrique", "Thiago", "Fábio", "Sérgio", "Antônio",
    ],
    last: &[
        "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida",
        "Nascimento", "Lima", "Araújo", "Fernandes", "Carvalho", "Gomes", "Martins", "Rocha",
        "Ribeiro", "Alves", "Monteiro", "Mendes", "Barros", "Freitas", "Barbosa", "Pinto",
        "Moura", "Cavalcanti", "Dias", "Campos", "Cardoso", "Teixeira", "Correia", "Nunes",
        "Sousa", "Lopes", "Vieira", "Machado", "Marques", "Magalhães", "Gonçalves", "Azevedo",
        "Brandão", "Figueiredo", "Assunção", "Falcão",
    ],
    last_female: &[],
    langs: &["pt"],
    double_surname: true,
    abroad_weight: 4,
};

pub(crate) static ITALIAN: NamePool = NamePool {
    female: &[
        "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Alessia", "Valentina", "Elena",
        "Federica", "Silvia", "Elisa", "Beatrice", "Giorgia", "Ilaria", "Serena", "Arianna",
        "Noemi", "Camilla", "Alice", "Benedetta", "Caterina", "Ludovica",
    ],
    male: &[
        "Marco", "Luca", "Alessandro", "Andrea", "Matteo", "Lorenzo", "Davide", "Francesco",
        "Simone", "Federico", "Riccardo", "Giacomo", "Stefano", "Nicola", "Tommaso", "Pietro",
        "Gabriele", "Emanuele", "Filippo", "Niccolò", "Michele", "Edoardo",
    ],
    last: &[
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
        "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano",
        "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi",
        "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli",
        "Vitale", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa",
        "Ferraro", "Fabbri", "Pellegrini",
    ],
    last_female: &[],
    langs: &["it"],
    double_surname: false,
    abroad_weight: 5,
};

pub(crate) static GERMAN: NamePool = NamePool {
    female: &[
        "Anna", "Lena", "Hannah", "Lea", "Laura", "Julia", "Sophie", "Marie", "Katharina",
        "Johanna", "Franziska", "Charlotte", "Clara", "Greta", "Miriam", "Friederike", "Jana",
        "Theresa", "Nele", "Sabine", "Ines", "Jule",
    ],
    male: &[
        "Lukas", "Jonas", "Felix", "Maximilian", "Leon", "Paul", "Tobias", "Florian", "Sebastian",
        "Jan", "Moritz", "Niklas", "Philipp", "Matthias", "Stefan", "Jörg", "Jürgen", "Till",
        "Benedikt", "Malte", "Ömer", "Björn",
    ],
    last: &[
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner",
        "Schmitz", "Krause", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Huber",
        "Kaiser", "Fuchs", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Günther",
        "Yılmaz", "Kowalczyk",
    ],
    last_female: &[],
    langs: &["de"],
    double_surname: false,
    abroad_weight: 4,
};

pub(crate) static DUTCH: NamePool = NamePool {
    female: &[
        "Emma", "Sanne", "Lotte", "Fleur", "Anouk", "Femke", "Iris", "Lieke", "Marloes", "Eva",
        "Noor", "Roos", "Tessa", "Maud", "Esther", "Ilse", "Nina", "Floor", "Lisa", "Annelies",
        "Marieke", "Jolien",
    ],
    male: &[
        "Daan", "Sem", "Bram", "Thijs", "Jeroen", "Joris", "Ruben", "Stijn", "Pieter", "Wouter",
        "Niels", "Koen", "Maarten", "Sander", "Bas", "Jasper", "Lars", "Tim", "Jesse", "Gijs",
        "Willem", "Floris",
    ],
    last: &[
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
        "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks",
        "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
        "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
        "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
        "Schouten", "Peeters", "Maes", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Verhoeven", "Hermans",
    ],
    last_female: &[],
    langs: &["nl"],
    double_surname: false,
    abroad_weight: 3,
};

pub(crate) static ENGLISH: NamePool = NamePool {
    female: &[
        "Emily", "Olivia", "Charlotte", "Sophie", "Grace", "Hannah", "Amelia", "Jessica",
        "Rebecca", "Lucy", "Megan", "Chloe", "Ella", "Isabel", "Katie", "Sarah", "Rachel",
        "Abigail", "Ruth", "Naomi", "Priya", "Zara",
    ],
    male: &[
        "James", "Oliver", "Jack", "Harry", "George", "William", "Thomas", "Daniel", "Samuel",
        "Joseph", "Benjamin", "Matthew", "Ethan", "Nathan", "Liam", "Ryan", "Owen", "Callum",
        "Aidan", "Rhys", "Tyler", "Marcus",
    ],
    last: &[
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Johnson",
        "Roberts", "Robinson", "Wright", "Thompson", "Walker", "White", "Edwards", "Hughes",
        "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner",
        "Cooper", "Hill", "Ward", "Morris", "Moore", "Lee", "King", "Baker", "Morgan", "Allen",
        "Scott", "Watson", "Parker", "Bennett", "Murphy", "O'Brien", "Campbell", "Kelly",
    ],
    last_female: &[],
    langs: &["en"],
    double_surname: false,
    abroad_weight: 5,
};

pub(crate) static DANISH: NamePool = NamePool {
    female: &[
        "Freja", "Ida", "Emma", "Sofie", "Anna", "Mathilde", "Karen", "Mette", "Signe", "Camilla",
        "Cecilie", "Line", "Maja", "Astrid", "Louise", "Nanna", "Julie", "Trine", "Birgitte",
        "Helle", "Søs", "Ingrid",
    ],
    male: &[
        "Mads", "Rasmus", "Mikkel", "Frederik", "Magnus", "Emil", "Oliver", "Christian", "Jens",
        "Søren", "Lars", "Anders", "Niels", "Henrik", "Kasper", "Jonas", "Malthe", "Asger",
        "Thor", "Bjørn", "Jakob", "Morten",
    ],
    last: &[
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
        "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
        "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
        "Mikkelsen", "Frederiksen", "Lund", "Holm", "Eriksen", "Clausen", "Simonsen",
        "Svendsen", "Andreasen", "Iversen", "Jeppesen", "Vestergaard", "Lauridsen", "Nørgaard",
        "Dahl", "Bach", "Skov", "Kjær", "Lindberg", "Høj", "Bruun", "Friis", "Østergaard",
    ],
    last_female: &[],
    langs: &["da"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static QUEBECOIS: NamePool = NamePool {
    female: &[
        "Marie-Ève", "Geneviève", "Isabelle", "Josée", "Mélanie", "Véronique", "Annie", "Julie",
        "Nathalie", "Catherine", "Audrey", "Émilie", "Valérie", "Maude", "Karine", "Stéphanie",
        "Roxanne", "Mireille", "Gabrielle", "Rosalie", "Ariane", "Noémie",
    ],
    male: &[
        "Jean-François", "Marc-André", "Jean-Philippe", "Pierre-Luc", "Mathieu", "Sébastien",
        "Simon", "Félix", "Alexandre", "Olivier", "Vincent", "Étienne", "Frédéric", "Maxime",
        "Samuel", "Guillaume", "Jérémie", "Charles", "Éric", "Yannick", "Louis-Philippe",
        "Gabriel",
    ],
    last: &[
        "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
        "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc",
        "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé",
        "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault",
        "St-Pierre", "Nadeau", "Martel", "Gilbert", "Hébert", "Bédard", "Desjardins",
        "Lachance", "Grenier", "Rioux", "Champagne", "Villeneuve", "Vaillancourt",
    ],
    last_female: &[],
    langs: &["fr"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static LATAM: NamePool = NamePool {
    female: &[
        "Valentina", "Camila", "Sofía", "Ximena", "Guadalupe", "Florencia", "Agustina",
        "Micaela", "Daniela", "Fernanda", "Mariana", "Renata", "Josefina", "Catalina",
        "Antonella", "Paola", "Gabriela", "Luciana", "Itzel", "Constanza", "Romina", "Yesenia",
    ],
    male: &[
        "Santiago", "Matías", "Sebastián", "Nicolás", "Joaquín", "Tomás", "Facundo", "Diego",
        "Emiliano", "Rodrigo", "Gonzalo", "Ignacio", "Benjamín", "Agustín", "Cristóbal", "Luis",
        "Juan Pablo", "Francisco", "Esteban", "Alejandro", "Héctor", "Maximiliano",
    ],
    last: &[
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
        "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Reyes", "Jiménez", "Torres", "Díaz",
        "Mendoza", "Aguilar", "Ortiz", "Castillo", "Romero", "Silva", "Rojas", "Soto",
        "Contreras", "Muñoz", "Sepúlveda", "Figueroa", "Fuentes", "Araya", "Espinoza",
        "Valenzuela", "Benítez", "Acosta", "Herrera", "Suárez", "Giménez", "Sosa", "Ferreyra",
        "Ríos", "Villalobos", "Quispe", "Cárdenas",
    ],
    last_female: &[],
    langs: &["es"],
    double_surname: true,
    abroad_weight: 4,
};
