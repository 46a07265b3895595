// The benchmark's load generator: CLIENTS clients, each sending its next POST /greet as soon as the last one is
// answered, until GREETS were answered; then one line of JSON with what they saw and what this process spent.
// In Go rather than the e2e module's Java LoadGenerator: that one costs several times the CPU per greet of the
// floor's two apps together, which on 2 shared cores would take the CPU from the pair it measures.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

type result struct {
	Greets    int64   `json:"greets"`
	Seconds   float64 `json:"seconds"`
	Errors    int64   `json:"errors"`
	P50Ms     float64 `json:"p50_ms"`
	P90Ms     float64 `json:"p90_ms"`
	P99Ms     float64 `json:"p99_ms"`
	CPUMicros int64   `json:"cpu_micros"`
	// One answer that was not greeter's greeting, to say what went wrong.
	FirstError string `json:"first_error,omitempty"`
}

func main() {
	url := flag.String("url", "", "comms' POST /greet URL")
	clients := flag.Int("clients", 32, "clients sending without pause")
	greets := flag.Int64("greets", 20000, "greets to send in all")
	flag.Parse()
	if *url == "" || *clients < 1 || *greets < 1 {
		fmt.Fprintln(os.Stderr, "usage: load -url URL [-clients N] [-greets N]")
		os.Exit(2)
	}
	body := []byte(`{"name":"Ada"}`)
	greeting := []byte(`"service":"greeter"`)
	client := &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *clients, DisableCompression: true}}
	var sent, errors atomic.Int64
	var firstError atomic.Value
	latencies := make([][]time.Duration, *clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sent.Add(1) <= *greets {
				began := time.Now()
				answer, err := greet(client, *url, body)
				latencies[c] = append(latencies[c], time.Since(began))
				if err == nil && !bytes.Contains(answer, greeting) {
					err = fmt.Errorf("not greeter's greeting: %s", answer)
				}
				if err != nil {
					errors.Add(1)
					firstError.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	var usage syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	r := result{Greets: int64(len(all)), Seconds: elapsed.Seconds(), Errors: errors.Load(),
		P50Ms: percentile(all, 0.50), P90Ms: percentile(all, 0.90), P99Ms: percentile(all, 0.99),
		CPUMicros: usage.Utime.Nano()/1000 + usage.Stime.Nano()/1000}
	if e, ok := firstError.Load().(string); ok {
		r.FirstError = e
	}
	_ = json.NewEncoder(os.Stdout).Encode(r)
}

// greet sends one POST /greet and returns the body of a 200 answer.
func greet(client *http.Client, url string, body []byte) ([]byte, error) {
	answer, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer answer.Body.Close()
	content, err := io.ReadAll(answer.Body)
	if err != nil {
		return nil, err
	}
	if answer.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %s", answer.StatusCode, content)
	}
	return content, nil
}

func percentile(sorted []time.Duration, fraction float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	index := int(float64(len(sorted))*fraction+0.999999) - 1
	return float64(sorted[max(index, 0)].Microseconds()) / 1000
}
