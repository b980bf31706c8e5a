package chronology

// Weights are the weights of an event's importance that are fitted
// rather than set: scripts/fit-importance chooses them on the Timeline17
// topics (../shared/corpora/t17) for the best mean Date-F1, ranking dates
// as ../shared/eval/tls-score does, and prints each topic's score in
// sample and with the weights chosen without it.
type Weights struct {
	// Volume weighs how many sources were published on an event's day
	// or the day after: importance is multiplied by 1 + Volume × ln(1 +
	// that count).
	Volume float64
}

// fitted are the weights Order uses, chosen by scripts/fit-importance on
// 2026-12-04 on the seven Timeline17 topics from the grid 0, 0.25, 0.5,
// 0.75, 1, 1.5, 2, 3: 0.25, in sample and for each topic left out. Mean
// Date-F1 0.628 without the volume, 0.646 in sample and held out:
//
//	topic                  volume 0 in sample  held out  (weight)
//	EgyptianProtest_cnn       1.000     1.000     1.000      0.25
//	H1N1_bbc                  1.000     1.000     1.000      0.25
//	LibyaWar_cnn              0.421     0.447     0.447      0.25
//	MJ_bbc                    0.649     0.622     0.622      0.25
//	SyrianCrisis_bbc          0.077     0.154     0.154      0.25
//	bpoil_bbc                 0.542     0.583     0.583      0.25
//	bpoil_guardian            0.706     0.716     0.716      0.25
var fitted = Weights{Volume: 0.25}
