using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using AccountLinkGen.Generator.Tests.Support;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// Runs Stripe's validating mock server (<c>../shared/stripe-mock</c>) on free loopback ports for the tests of one
/// class, and stops it by process id afterwards. Where the shared folder is absent, <see cref="SkipReason"/> says
/// so and nothing is started: a fixture cannot skip, so each test skips on that reason.
/// </summary>
public class StripeMockFixture : IDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Queue<string> _outputTail = new();
    private readonly string _spec;
    private readonly string _fixtures;
    private Process? _process;
    private string? _copyDirectory;

    public StripeMockFixture()
        : this(() => (SpecPath, FixturesPath))
    {
    }

    /// <summary>The server with a spec and fixtures of the caller's, made only where the shared folder is present.</summary>
    protected StripeMockFixture(Func<(string Spec, string Fixtures)> files)
    {
        string binary = Path.Combine(Directory, "stripe-mock");
        SkipReason = !File.Exists(binary) ? $"stripe-mock is not at {binary}; this test runs where the shared folder is present (CI)."
            : !File.Exists(SpecPath) ? $"stripe-mock's spec is not at {SpecPath}."
            : !File.Exists(FixturesPath) ? $"Stripe's fixtures are not at {FixturesPath}."
            : null;
        _spec = SpecPath;
        _fixtures = FixturesPath;
        if (SkipReason is not null)
        {
            return;
        }

        (string spec, string fixtures) = files();
        _spec = spec;
        _fixtures = fixtures;
        string executable = EnsureExecutable(binary);
        Exception? last = null;
        for (int attempt = 0; attempt < StartAttempts && _process is null; attempt++)
        {
            try
            {
                Start(executable);
            }
            catch (PortTakenException e)
            {
                // Another process may take a port between probing it and the server binding it: probe again.
                last = e;
            }
        }

        if (_process is null)
        {
            throw new InvalidOperationException($"stripe-mock did not start in {StartAttempts} attempts.", last);
        }
    }

    /// <summary>The shared folder with the prebuilt server and the spec it validates against.</summary>
    public static string Directory => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "stripe-mock"));

    /// <summary>The spec as JSON, as stripe-mock reads it.</summary>
    public static string SpecPath => Path.Combine(Directory, "spec3.2023-09-12.json");

    public static string FixturesPath => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "stripe-openapi", "fixtures3.2023-09-12.json"));

    /// <summary>Why the server is not running, or null when it is.</summary>
    public string? SkipReason { get; }

    /// <summary>The server's plain-HTTP root on loopback.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string OutputTail
    {
        get
        {
            lock (_outputTail)
            {
                return string.Join(Environment.NewLine, _outputTail);
            }
        }
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }

            process.Dispose();
        }

        if (_copyDirectory is not null)
        {
            try
            {
                System.IO.Directory.Delete(_copyDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing depends on it.
            }
        }
    }

    private void Start(string executable)
    {
        int httpPort = FreePort(out TcpListener httpProbe);
        int httpsPort = FreePort(out TcpListener httpsProbe);
        httpProbe.Stop();
        httpsProbe.Stop();

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Both addresses on loopback: without -https-addr the server also listens for HTTPS on every interface.
        foreach (string argument in new[]
        {
            "-http-addr", $"127.0.0.1:{httpPort}",
            "-https-addr", $"127.0.0.1:{httpsPort}",
            "-spec", _spec,
            "-fixtures", _fixtures,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };

        // The server logs every request; the pipes must be drained or it blocks once they fill.
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var watch = Stopwatch.StartNew();
        while (!Accepts(httpPort))
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                string output = OutputTail;
                process.Dispose();
                if (output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PortTakenException(output);
                }

                throw new InvalidOperationException($"stripe-mock exited with code {process.ExitCode} before listening. Its output:{Environment.NewLine}{output}");
            }

            if (watch.Elapsed > StartTimeout)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
                process.Dispose();
                throw new TimeoutException($"stripe-mock did not listen on 127.0.0.1:{httpPort} within {StartTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{OutputTail}");
            }

            Thread.Sleep(100);
        }

        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputTail)
        {
            _outputTail.Enqueue(line);
            while (_outputTail.Count > 40)
            {
                _outputTail.Dequeue();
            }
        }
    }

    /// <summary>
    /// The shared folder is laid out read-only and a copy of it may have lost the execute bit: then the server runs
    /// from an executable copy in a temporary folder.
    /// </summary>
    private string EnsureExecutable(string binary)
    {
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(binary) & execute) == execute)
        {
            return binary;
        }

        _copyDirectory = Path.Combine(Path.GetTempPath(), "accountlinkgen-stripe-mock-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_copyDirectory);
        string copy = Path.Combine(_copyDirectory, "stripe-mock");
        File.Copy(binary, copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return copy;
    }

    private static int FreePort(out TcpListener probe)
    {
        probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class PortTakenException : Exception
    {
        public PortTakenException(string output)
            : base("stripe-mock could not bind its port: " + output)
        {
        }
    }
}
