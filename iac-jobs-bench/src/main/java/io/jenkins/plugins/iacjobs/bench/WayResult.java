package io.jenkins.plugins.iacjobs.bench;

/** What one way of waiting cost for N jobs. Latencies in milliseconds, heap in bytes, CPU in milliseconds. */
record WayResult(String way, int jobs, int threadsPeak, long tokenRequests, long statusRequests, long historyRequests,
                 long jobGetRequests, long submitRequests, long p50LatencyMs, long p95LatencyMs, long maxLatencyMs,
                 long heapPerJobBytes, long heapWaitingDeltaBytes, int waitingAtHeapSample, long cpuProcessMs,
                 long cpuClientMs, long wallMs, int detected, int pollErrors) {
}
