package prep

// peopleRecipes lists every person of the people index: each note of the
// Biographical Notes of Lenin's Fight, by the name it begins with, and the
// notes of the other works that say who someone was: those of Notes in the
// Margins. The notes to the parts of Lenin's Fight, and those of the other
// works where they have any, explain sources, terms and events.
//
// Also lists the other spellings the works use and the names a person goes
// by alone; Keys replaces the surname where two people share it. Where two
// people of the index share a surname (the Eltsins, father and son), the
// surname alone is credited to neither: only a form with initials or a
// given name says which is meant. A surname the works also give to
// someone outside the index (I.N. Smirnov beside A.P. Smirnov) is treated
// alike.
var peopleRecipes = []PersonRecipe{
	{Name: "Avanesov, Varlaam Aleksandrovich"},
	{Name: "Bukharin, Nikolai Ivanovich"},
	{Name: "Dzerzhinsky, Feliks Edmundovich"},
	{Name: "Eastman, Max"},
	{Name: "Eltsin, Boris Mikhailovich", Keys: []string{"Boris Eltsin"}},
	{Name: "Eltsin, Viktor Borisovich", Keys: []string{"V. Eltsin"}},
	{Name: "Fotieva, Lydia Alexandrovna"},
	{Name: "Frumkin, Moisei Ilyich"},
	{Name: "Glyasser, Maria Ignatyevna"},
	{Name: "Kabanidze"},
	{Name: "Kalinin, Mikhail Ivanovich"},
	{Name: "Kamenev, Lev Borisovich"},
	{Name: "Kavtaradze, Sergei Ivanovich"},
	{Name: "Kerzhentsev, Platon Mikhailovich"},
	{Name: "Kirov, Sergei Mironovich"},
	{Name: "Krestinsky, Nikolai Nikolayevich"},
	{Name: "Krupskaya, Nadezhda Konstantinovna"},
	{Name: "Krzhizhanovsky, Gleb Maksimilianovich"},
	{Name: "Kuibyshev, Valerian Vladimirovich"},
	{Name: "Ludwig, Emil"},
	{Name: "Makharadze, Filipp Yeseyevich"},
	{Name: "Mdivani, Polikarp Gurgenovich", Also: []string{"Budu"}},
	{Name: "Molotov, Vyacheslav Mikhailovich"},
	{Name: "Oldenburg, S.S."},
	{Name: "Ordzhonikidze, Grigory Konstantinovich", Also: []string{"Ordjonikidze", "Sergo"}},
	{Name: "Pokrovsky, Mikhail Nikolayevich"},
	{Name: "Pyatakov, Georgi Leonidovich"},
	{Name: "Radek, Karl Berngardovich"},
	{Name: "Rakovsky, Khristian Georgievich"},
	{Name: "Rykov, Aleksei Ivanovich"},
	{Name: "Smirnov, Aleksandr Petrovich", Keys: []string{"A.P. Smirnov"}},
	{Name: "Sokolnikov, Grigory Yakovlevich"},
	{Name: "Stomonyakov, Boris Spiridonovich"},
	{Name: "Sverdlov, Yakov Mikhailovich"},
	{Name: "Tsintsadze, Kote Maksimovich"},
	{Name: "Tsyurupa, Aleksandr Dmitrievich"},
	{Name: "Ulyanova, Maria Ilyinichna"},
	{Name: "Volodicheva, Maria Akimovna"},
	{Name: "Yermansky, O.A."},
	{Name: "Zinoviev, Grigory Yevseyevich"},

	// Notes in the Margins, its notes.
	{Name: "Kornilov, L. G.", Work: "notes-in-the-margins", Note: "2", Dates: "1870–1918"},
	{Name: "Morozov, Pavlik (Paul Trofimovich)", Work: "notes-in-the-margins", Note: "3", Dates: "1918–1932"},
	{Name: "Bazhanov, Boris", Work: "notes-in-the-margins", Note: "4"},
	{Name: "Brezhnev, Leonid I.", Work: "notes-in-the-margins", Note: "8"},
	{Name: "Semichastnii", Work: "notes-in-the-margins", Note: "9"},
}
