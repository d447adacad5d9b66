using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Telemetry;

/// <summary>
/// A real ActivityListener (ours and HttpClient's sources) and MeterListener (ours). Tests run in parallel and the
/// listeners hear every test, so spans are kept only under this recorder's root activity and measurements only for
/// its own operationId.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public TelemetryRecorder(string operationId)
    {
        OperationId = operationId;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "AccountLinkGen" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _root!.TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "AccountLinkGen")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
        _root = new Activity("test root").Start();
    }

    public string OperationId { get; }

    public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

    public Activity Operation => Assert.Single(Stopped, a => a.Source.Name == "AccountLinkGen");

    public IReadOnlyList<Activity> HttpSpans => Stopped.Where(a => a.Source.Name == "System.Net.Http").ToList();

    public IReadOnlyList<Dictionary<string, object?>> Measurements(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags).ToList();

    public IReadOnlyList<double> Values(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();

    public void Dispose()
    {
        _root.Stop();
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        if (map.TryGetValue("stripe.operation", out object? operation) && Equals(operation, OperationId))
        {
            _measurements.Enqueue((instrument.Name, value, map));
        }
    }
}
