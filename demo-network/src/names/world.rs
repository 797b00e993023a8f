//! Smaller name pools for the cities beyond the default twenty, and for the people of the
//! default network who come from further away. Romanised the way people write their own names
//! in Latin script, keeping the diacritics their languages use.

use super::NamePool;

pub(crate) static ARABIC: NamePool = NamePool {
    female: &[
        "Fatima", "Leila", "Yasmine", "Nour", "Salma", "Amira", "Rania", "Imane", "Hiba", "Meriem",
    ],
    male: &[
        "Youssef", "Omar", "Karim", "Mehdi", "Amine", "Hamza", "Rachid", "Nabil", "Samir", "Tarek",
    ],
    last: &[
        "El Amrani", "Benali", "Haddad", "Mansour", "Khalil", "Bennani", "Saleh", "Nasser",
        "Farouk", "Hassan", "Ibrahim", "Mahmoud", "Aziz", "Chaoui", "Boukhari", "Tazi",
        "Belkacem", "Hamdi", "Sabri", "Rahal",
    ],
    last_female: &[],
    langs: &["ar"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static TURKISH: NamePool = NamePool {
    female: &["Elif", "Zeynep", "Ayşe", "Merve", "Ece", "Defne", "Selin", "Büşra", "Gizem", "Esra"],
    male: &["Mehmet", "Emre", "Burak", "Can", "Kerem", "Murat", "Deniz", "Oğuz", "Serkan", "Arda"],
    last: &[
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
        "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
        "Şimşek",
    ],
    last_female: &[],
    langs: &["tr"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static POLISH: NamePool = NamePool {
    female: &[
        "Agnieszka", "Katarzyna", "Magdalena", "Małgorzata", "Joanna", "Aleksandra", "Zofia",
        "Natalia", "Weronika", "Ewa",
    ],
    male: &[
        "Piotr", "Tomasz", "Paweł", "Jakub", "Mateusz", "Krzysztof", "Michał", "Łukasz", "Marcin",
        "Wojciech",
    ],
    last: &[
        "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
        "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Jankowski",
        "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski", "Zając",
    ],
    last_female: &[
        "Nowak", "Kowalska", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowska",
        "Zielińska", "Szymańska", "Woźniak", "Dąbrowska", "Kozłowska", "Mazur", "Jankowska",
        "Kwiatkowska", "Krawczyk", "Kaczmarek", "Piotrowska", "Grabowska", "Zając",
    ],
    langs: &["pl"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static CZECH: NamePool = NamePool {
    female: &[
        "Tereza", "Kateřina", "Lucie", "Veronika", "Barbora", "Eliška", "Markéta", "Petra",
        "Zuzana", "Klára",
    ],
    male: &[
        "Jan", "Jakub", "Tomáš", "Ondřej", "Petr", "Martin", "Lukáš", "Vojtěch", "Jiří", "Michal",
    ],
    last: &[
        "Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý",
        "Horák", "Němec", "Pokorný", "Marek", "Pospíšil", "Hájek", "Král", "Jelínek", "Růžička",
        "Beneš", "Fiala", "Sedláček",
    ],
    last_female: &[
        "Nováková", "Svobodová", "Novotná", "Dvořáková", "Černá", "Procházková", "Kučerová",
        "Veselá", "Horáková", "Němcová", "Pokorná", "Marková", "Pospíšilová", "Hájková",
        "Králová", "Jelínková", "Růžičková", "Benešová", "Fialová", "Sedláčková",
    ],
    langs: &["cs"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static BALKAN: NamePool = NamePool {
    female: &["Ana", "Ivana", "Maja", "Jelena", "Marija", "Petra", "Nina", "Tea", "Lana", "Mia"],
    male: &[
        "Luka", "Marko", "Ivan", "Nikola", "Stefan", "Filip", "Matej", "Petar", "Jakov",
        "Tomislav",
    ],
    last: &[
        "Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Petrović",
        "Jovanović", "Nikolić", "Popović", "Đorđević", "Kranjc", "Zupan", "Vidović", "Pavlović",
        "Perić", "Tomić", "Božić", "Lukić",
    ],
    last_female: &[],
    langs: &["hr", "sr", "sl"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static UKRAINIAN: NamePool = NamePool {
    female: &[
        "Olena", "Oksana", "Iryna", "Kateryna", "Yuliia", "Nataliia", "Sofiia", "Anastasiia",
        "Mariia", "Daryna",
    ],
    male: &[
        "Oleksandr", "Andrii", "Dmytro", "Taras", "Bohdan", "Serhii", "Yaroslav", "Maksym",
        "Volodymyr", "Ostap",
    ],
    last: &[
        "Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko",
        "Oliinyk", "Lysenko", "Moroz", "Savchenko", "Rudenko", "Marchenko", "Petrenko",
        "Kovalchuk", "Polishchuk", "Tkachuk", "Romaniuk", "Hnatiuk", "Savchuk",
    ],
    last_female: &[],
    langs: &["uk"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static GREEK: NamePool = NamePool {
    female: &[
        "Maria", "Eleni", "Katerina", "Sofia", "Ioanna", "Despina", "Georgia", "Dimitra",
        "Anastasia", "Christina",
    ],
    male: &[
        "Giorgos", "Nikos", "Dimitris", "Kostas", "Yannis", "Alexandros", "Panagiotis", "Christos",
        "Stavros", "Vasilis",
    ],
    last: &[
        "Papadopoulos", "Georgiou", "Nikolaou", "Dimitriou", "Ioannou", "Konstantinou",
        "Christodoulou", "Alexiou", "Vlachos", "Pappas", "Oikonomou", "Makris", "Antoniou",
        "Papageorgiou", "Karagiannis", "Athanasiou", "Michailidis", "Stavrou", "Panagiotou",
        "Kyriakou",
    ],
    last_female: &[
        "Papadopoulou", "Georgiou", "Nikolaou", "Dimitriou", "Ioannou", "Konstantinou",
        "Christodoulou", "Alexiou", "Vlachou", "Pappa", "Oikonomou", "Makri", "Antoniou",
        "Papageorgiou", "Karagianni", "Athanasiou", "Michailidou", "Stavrou", "Panagiotou",
        "Kyriakou",
    ],
    langs: &["el"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static WEST_AFRICAN: NamePool = NamePool {
    female: &[
        "Chiamaka", "Ngozi", "Adaeze", "Funmilayo", "Aisha", "Efua", "Abena", "Akosua", "Yewande",
        "Zainab",
    ],
    male: &[
        "Chinedu", "Emeka", "Oluwaseun", "Tunde", "Kwame", "Kofi", "Yaw", "Ifeanyi", "Babajide",
        "Ibrahim",
    ],
    last: &[
        "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Adebayo", "Olawale", "Mensah",
        "Owusu", "Boateng", "Asante", "Osei", "Appiah", "Bello", "Danjuma", "Obi", "Afolabi",
        "Agyeman", "Nwachukwu",
    ],
    last_female: &[],
    langs: &["en", "yo", "ak"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static FRANCOPHONE_AFRICAN: NamePool = NamePool {
    female: &[
        "Aminata", "Fatou", "Awa", "Mariama", "Aïssatou", "Rokia", "Kadiatou", "Ndèye", "Bintou",
        "Nafissatou",
    ],
    male: &[
        "Moussa", "Mamadou", "Ousmane", "Cheikh", "Ibrahima", "Seydou", "Abdoulaye", "Kouassi",
        "Serge", "Arsène",
    ],
    last: &[
        "Diop", "Ndiaye", "Diallo", "Sow", "Fall", "Traoré", "Koné", "Coulibaly", "Ouédraogo",
        "Kaboré", "Camara", "Keïta", "Touré", "Sy", "Mbaye", "Kouamé", "Yao", "Mukendi", "Ilunga",
        "Mbarga",
    ],
    last_female: &[],
    langs: &["fr", "wo"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static EAST_AFRICAN: NamePool = NamePool {
    female: &[
        "Wanjiru", "Achieng", "Akinyi", "Njeri", "Neema", "Rehema", "Amani", "Nakato", "Uwase",
        "Zawadi",
    ],
    male: &[
        "Otieno", "Kamau", "Baraka", "Juma", "Mwangi", "Omondi", "Kiprono", "Mugisha", "Hakizimana",
        "Daudi",
    ],
    last: &[
        "Kamau", "Otieno", "Mwangi", "Ochieng", "Njoroge", "Kariuki", "Mutua", "Odhiambo",
        "Kimani", "Wambua", "Mushi", "Mollel", "Massawe", "Okello", "Ssemakula", "Uwimana",
        "Niyonzima", "Habimana", "Kiprotich", "Achola",
    ],
    last_female: &[],
    langs: &["sw", "en"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static SOUTHERN_AFRICAN: NamePool = NamePool {
    female: &[
        "Thandiwe", "Nomvula", "Lerato", "Palesa", "Zanele", "Naledi", "Ayanda", "Busisiwe",
        "Chipo", "Tendai",
    ],
    male: &[
        "Thabo", "Sipho", "Mandla", "Lwazi", "Bongani", "Kagiso", "Tshepo", "Themba", "Tinashe",
        "Pieter",
    ],
    last: &[
        "Nkosi", "Dlamini", "Ndlovu", "Khumalo", "Mokoena", "Mahlangu", "Zulu", "Mthembu",
        "Botha", "van der Merwe", "Naidoo", "Moyo", "Banda", "Phiri", "Mabuza", "Sithole",
        "Molefe", "Ngcobo", "Jacobs", "Pillay",
    ],
    last_female: &[],
    langs: &["en", "zu", "af"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static INDIAN: NamePool = NamePool {
    female: &[
        "Priya", "Ananya", "Kavya", "Divya", "Meera", "Sneha", "Pooja", "Nandini", "Lakshmi",
        "Shreya",
    ],
    male: &[
        "Arjun", "Rohan", "Vikram", "Aditya", "Rahul", "Karthik", "Siddharth", "Nikhil", "Ravi",
        "Anand",
    ],
    last: &[
        "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Rao", "Menon",
        "Desai", "Joshi", "Mehta", "Chatterjee", "Banerjee", "Mukherjee", "Pillai", "Kulkarni",
        "Verma", "Bhat",
    ],
    last_female: &[],
    langs: &["hi", "en"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static CHINESE: NamePool = NamePool {
    female: &["Xinyi", "Yuting", "Jing", "Mei", "Xiaoling", "Yan", "Hui", "Fang", "Ying", "Ruoxi"],
    male: &["Hao", "Jun", "Lei", "Ming", "Tao", "Yang", "Zhiwei", "Jian", "Bo", "Haoran"],
    last: &[
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
        "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
    ],
    last_female: &[],
    langs: &["zh"],
    double_surname: false,
    abroad_weight: 2,
};

pub(crate) static JAPANESE: NamePool = NamePool {
    female: &[
        "Yuki", "Haruka", "Aoi", "Sakura", "Mei", "Yui", "Hana", "Misaki", "Natsuki", "Ayumi",
    ],
    male: &[
        "Haruto", "Ren", "Sota", "Takumi", "Daiki", "Kenta", "Shota", "Yuto", "Kaito", "Hiroshi",
    ],
    last: &[
        "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
        "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue",
        "Kimura", "Hayashi", "Shimizu", "Mori",
    ],
    last_female: &[],
    langs: &["ja"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static KOREAN: NamePool = NamePool {
    female: &[
        "Ji-woo", "Seo-yeon", "Min-ji", "Ha-eun", "Soo-ah", "Yuna", "Ji-eun", "Hye-jin", "Da-eun",
        "Eun-ji",
    ],
    male: &[
        "Min-jun", "Seo-jun", "Ji-ho", "Hyun-woo", "Jae-won", "Dong-hyun", "Sung-min", "Tae-yang",
        "Joon-ho", "Woo-jin",
    ],
    last: &[
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
        "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
    ],
    last_female: &[],
    langs: &["ko"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static VIETNAMESE: NamePool = NamePool {
    female: &["Linh", "Hương", "Mai", "Lan", "Thảo", "Trang", "Ngọc", "Hà", "Phương", "Hạnh"],
    male: &["Minh", "Hùng", "Dũng", "Tuấn", "Nam", "Quang", "Hiếu", "Khoa", "Long", "Huy"],
    last: &[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai",
    ],
    last_female: &[],
    langs: &["vi"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static THAI: NamePool = NamePool {
    female: &[
        "Siriporn", "Nattaya", "Pimchanok", "Kanokwan", "Ploy", "Suda", "Waraporn", "Chanya",
        "Arisa", "Malee",
    ],
    male: &[
        "Somchai", "Anan", "Niran", "Kittisak", "Thanakorn", "Prasert", "Chaiwat", "Wichai",
        "Sakda", "Tanawat",
    ],
    last: &[
        "Saetang", "Srisuk", "Wongsawat", "Chaiyaporn", "Rattanakul", "Suksawat", "Thongdee",
        "Boonmee", "Kaewkla", "Phromma", "Sombat", "Jaidee", "Meesuk", "Sriwong", "Kittikun",
        "Charoenkul", "Panyawong", "Siripong", "Thammawong", "Nakprasert",
    ],
    last_female: &[],
    langs: &["th"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static MALAY_INDONESIAN: NamePool = NamePool {
    female: &["Siti", "Dewi", "Putri", "Ayu", "Rina", "Nurul", "Indah", "Sri", "Fitri", "Wulan"],
    male: &["Budi", "Agus", "Rizky", "Adi", "Dimas", "Fajar", "Hendra", "Arif", "Bayu", "Ahmad"],
    last: &[
        "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Setiawan", "Nugroho",
        "Rahman", "Hakim", "Susanto", "Purnomo", "Gunawan", "Lestari", "Halim", "Ismail",
        "Abdullah", "Hassan", "Sulaiman", "Yusof",
    ],
    last_female: &[],
    langs: &["id", "ms"],
    double_surname: false,
    abroad_weight: 1,
};

pub(crate) static FILIPINO: NamePool = NamePool {
    female: &[
        "Joy", "Angelica", "Kristine", "Patricia", "Maricel", "Camille", "Bea", "Janine",
        "Rosalinda", "Liza",
    ],
    male: &[
        "Jose", "Mark", "Paolo", "Carlo", "Miguel", "Jericho", "Rommel", "Ramon", "Joshua",
        "Rafael",
    ],
    last: &[
        "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres", "Tomas",
        "Villanueva", "Dela Cruz", "Aquino", "Ramos", "Castillo", "Rivera", "Flores", "Gonzales",
        "Manalo", "Pascual", "Salazar",
    ],
    last_female: &[],
    langs: &["tl", "en"],
    double_surname: false,
    abroad_weight: 1,
};
