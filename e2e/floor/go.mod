// The zero-work floor of e2e/benchmark: the least possible comms and greeter, standard library only.
module dev.daprliberty/e2e/floor

go 1.24
