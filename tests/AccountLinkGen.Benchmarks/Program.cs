using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace AccountLinkGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// Run with <c>dotnet run -c Release -- --filter '*Encoder*'</c>; any BenchmarkDotNet switch works.
    /// <c>--load</c> runs the concurrency and fault comparison of <see cref="LoadRun"/> instead.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (Array.IndexOf(args, "--load") >= 0)
        {
            return await LoadRun.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
