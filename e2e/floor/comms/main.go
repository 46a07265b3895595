// The floor's comms: forwards POST /greet, body and traceparent, to greeter through its sidecar's invoke API
// (DAPR_HTTP_PORT, as the real comms) and returns the answer; 200 on the health paths. No validation, no fallback,
// no spans of its own: the least an app can do and still be comms.
package main

import (
	"io"
	"net/http"
	"os"
)

func main() {
	invoke := "http://localhost:" + os.Getenv("DAPR_HTTP_PORT") + "/v1.0/invoke/greeter/method/greet"
	// One pool of kept-alive connections to the sidecar, large enough for the benchmark's clients.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	http.HandleFunc("POST /greet", func(w http.ResponseWriter, r *http.Request) {
		call, err := http.NewRequestWithContext(r.Context(), http.MethodPost, invoke, r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		call.Header.Set("Content-Type", "application/json")
		if traceparent := r.Header.Get("traceparent"); traceparent != "" {
			call.Header.Set("traceparent", traceparent)
		}
		answer, err := client.Do(call)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer answer.Body.Close()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(answer.StatusCode)
		_, _ = io.Copy(w, answer.Body)
	})
	http.HandleFunc("GET /health/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"UP"}`)
	})
	if err := http.ListenAndServe(":"+os.Getenv("HTTP_PORT"), nil); err != nil {
		panic(err)
	}
}
