using BenchmarkDotNet.Running;

namespace AccountLinkGen.Benchmarks;

public static class Program
{
    /// <summary>Run with <c>dotnet run -c Release -- --filter '*Encoder*'</c>; any BenchmarkDotNet switch works.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
