//! City names as the bio languages write them, for the cities whose name changes between
//! languages ("Lisbon" is "Lisboa" in a Portuguese bio). Other cities keep the table's name.

use crate::bios::BioLang;

/// The name of city `slug` in `lang`, or `None` when the table's name is right.
pub(super) fn exonym(slug: &str, lang: BioLang) -> Option<&'static str> {
    // Columns follow BioLang: English, French, Spanish, Portuguese, Italian, German.
    let names: [&'static str; 6] = match slug {
        "paris" => ["Paris", "Paris", "París", "Paris", "Parigi", "Paris"],
        "lyon" => ["Lyon", "Lyon", "Lyon", "Lyon", "Lione", "Lyon"],
        "marseille" => ["Marseille", "Marseille", "Marsella", "Marselha", "Marsiglia", "Marseille"],
        "barcelona" => [
            "Barcelona", "Barcelone", "Barcelona", "Barcelona", "Barcellona", "Barcelona",
        ],
        "lisbon" => ["Lisbon", "Lisbonne", "Lisboa", "Lisboa", "Lisbona", "Lissabon"],
        "rome" => ["Rome", "Rome", "Roma", "Roma", "Roma", "Rom"],
        "milan" => ["Milan", "Milan", "Milán", "Milão", "Milano", "Mailand"],
        "berlin" => ["Berlin", "Berlin", "Berlín", "Berlim", "Berlino", "Berlin"],
        "brussels" => ["Brussels", "Bruxelles", "Bruselas", "Bruxelas", "Bruxelles", "Brüssel"],
        "amsterdam" => [
            "Amsterdam", "Amsterdam", "Ámsterdam", "Amsterdã", "Amsterdam", "Amsterdam",
        ],
        "london" => ["London", "Londres", "Londres", "Londres", "Londra", "London"],
        "copenhagen" => [
            "Copenhagen", "Copenhague", "Copenhague", "Copenhague", "Copenaghen", "Kopenhagen",
        ],
        "montreal" => ["Montréal", "Montréal", "Montreal", "Montreal", "Montréal", "Montreal"],
        "quebec" => ["Québec", "Québec", "Quebec", "Quebec", "Québec", "Québec"],
        "mexico-city" => [
            "Mexico City", "Mexico", "Ciudad de México", "Cidade do México", "Città del Messico",
            "Mexiko-Stadt",
        ],
        "sao-paulo" => [
            "São Paulo", "São Paulo", "São Paulo", "São Paulo", "San Paolo", "São Paulo",
        ],
        "rio-de-janeiro" => [
            "Rio de Janeiro", "Rio de Janeiro", "Río de Janeiro", "Rio de Janeiro",
            "Rio de Janeiro", "Rio de Janeiro",
        ],
        "seville" => ["Seville", "Séville", "Sevilla", "Sevilha", "Siviglia", "Sevilla"],
        "turin" => ["Turin", "Turin", "Turín", "Turim", "Torino", "Turin"],
        "florence" => ["Florence", "Florence", "Florencia", "Florença", "Firenze", "Florenz"],
        "naples" => ["Naples", "Naples", "Nápoles", "Nápoles", "Napoli", "Neapel"],
        "venice" => ["Venice", "Venise", "Venecia", "Veneza", "Venezia", "Venedig"],
        "munich" => ["Munich", "Munich", "Múnich", "Munique", "Monaco di Baviera", "München"],
        "cologne" => ["Cologne", "Cologne", "Colonia", "Colônia", "Colonia", "Köln"],
        "vienna" => ["Vienna", "Vienne", "Viena", "Viena", "Vienna", "Wien"],
        "geneva" => ["Geneva", "Genève", "Ginebra", "Genebra", "Ginevra", "Genf"],
        "prague" => ["Prague", "Prague", "Praga", "Praga", "Praga", "Prag"],
        "warsaw" => ["Warsaw", "Varsovie", "Varsovia", "Varsóvia", "Varsavia", "Warschau"],
        "athens" => ["Athens", "Athènes", "Atenas", "Atenas", "Atene", "Athen"],
        "new-york" => ["New York", "New York", "Nueva York", "Nova York", "New York", "New York"],
        _ => return None,
    };
    Some(names[lang.index()])
}
