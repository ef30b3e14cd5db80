package ui

// The box's border and padding, around the text.
const (
	boxFrameW = 4
	boxFrameH = 2
)
