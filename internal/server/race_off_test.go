//go:build !race

package server

// raceDetector is true in a build with the race detector, which slows
// code down too much for timing bounds to hold.
const raceDetector = false
