using System.Diagnostics;
using System.Globalization;

namespace Duban.Bench;

public static class Timing
{
    /// <summary>Times a request <paramref name="iterations"/> times after 20 warm-up calls and prints a Markdown row.</summary>
    public static async Task<double[]> MeasureAsync(string name, string who, int iterations, Func<Task<HttpResponseMessage>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (var i = 0; i < 20; i++)
        {
            using var warm = await send();
            warm.EnsureSuccessStatusCode();
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await send();
            await response.Content.LoadIntoBufferAsync();
            times[i] = sw.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {who} | {times[iterations / 2]:F2} | {times[(int)(iterations * 0.95)]:F2} | {times[^1]:F2} |"));
        return times;
    }
}
