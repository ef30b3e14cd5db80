package prep

// Recipes returns the recipe of every document of the embedded library.
func Recipes() []Recipe {
	return []Recipe{
		revolutionBetrayed(),
		leninsFight(),
		riseOfStalinism(),
		stalinFiftyYears(),
		notesInTheMargins(),
	}
}
