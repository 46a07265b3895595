// The floor's greeter: answers POST /greet with a fixed greeting of the real greeter's shape and size, and 200 on
// the health paths. It reads nothing of the request: the least an app can do and still be greeter.
package main

import (
	"io"
	"net/http"
	"os"
	"time"
)

func main() {
	http.HandleFunc("POST /greet", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"message":"Hello, Ada!","service":"greeter","timestamp":"`+
			time.Now().UTC().Format(time.RFC3339Nano)+`"}`)
	})
	http.HandleFunc("GET /health/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"UP"}`)
	})
	if err := http.ListenAndServe(":"+os.Getenv("HTTP_PORT"), nil); err != nil {
		panic(err)
	}
}
