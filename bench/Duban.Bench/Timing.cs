using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Duban.Bench;

public static partial class Timing
{
    /// <summary>
    /// Times a request <paramref name="iterations"/> times after <paramref name="warmup"/> warm-up calls (20 unless told); <paramref name="rowsOf"/> counts (and checks) a response the generic count cannot and prints a Markdown row with
    /// the rows and bytes the last response returned. A row that measured an error or an empty list is refused,
    /// not printed: a fast answer with nothing in it is not a figure.
    /// </summary>
    public static async Task<double[]> MeasureAsync(string name, string who, int iterations, Func<Task<HttpResponseMessage>> send, int warmup = 20, Func<byte[], string>? rowsOf = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (var i = 0; i < warmup; i++)
        {
            using var warm = await send();
            warm.EnsureSuccessStatusCode();
        }

        var times = new double[iterations];
        byte[] last = [];
        string? type = null;
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

            if (i == iterations - 1)
            {
                last = await response.Content.ReadAsByteArrayAsync();
                type = response.Content.Headers.ContentType?.MediaType;
            }
        }

        var rows = rowsOf is null ? Rows(name, last, type) : rowsOf(last);
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {who} | {rows} | {last.Length:N0} | {times[iterations / 2]:F2} | {times[(int)(iterations * 0.95)]:F2} | {times[^1]:F2} |"));
        return times;
    }

    /// <summary>
    /// Times an in-process read (a query method, without HTTP) like <see cref="MeasureAsync"/>: <paramref name="rowsOf"/>
    /// counts what the last call returned, and a row that returned nothing is refused; bytes are the result as JSON.
    /// </summary>
    public static async Task<double[]> MeasureQueryAsync<T>(string name, string who, int iterations, Func<Task<T>> run, Func<T, int> rowsOf, int warmup = 20)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rowsOf);
        for (var i = 0; i < warmup; i++)
        {
            await run();
        }

        var times = new double[iterations];
        T last = default!;
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            last = await run();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        var rows = last is null ? 0 : rowsOf(last);
        if (rows == 0)
        {
            throw new InvalidOperationException($"{name}: the read returned nothing; the row would measure nothing.");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(last, Web).Length;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {who} | {rows:N0} | {bytes:N0} | {times[iterations / 2]:F2} | {times[(int)(iterations * 0.95)]:F2} | {times[^1]:F2} |"));
        return times;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// What a response holds: the length of a JSON array (or of the first array an object carries, e.g. rows),
    /// the body rows of an HTML page's tables, "1" for a single object or a file. Throws on an empty body or list.
    /// </summary>
    public static string Rows(string name, byte[] body, string? mediaType)
    {
        if (body.Length == 0)
        {
            throw new InvalidOperationException($"{name}: the response was empty; the row would measure nothing.");
        }

        if (mediaType is "application/json" or "application/problem+json")
        {
            using var json = JsonDocument.Parse(body);
            var list = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement
                : json.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array)
                : default;
            if (list.ValueKind != JsonValueKind.Array)
            {
                return "1";
            }

            return list.GetArrayLength() > 0 ? list.GetArrayLength().ToString("N0", CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"{name}: the list was empty; the row would measure nothing.");
        }

        if (mediaType == "text/html")
        {
            var html = System.Text.Encoding.UTF8.GetString(body);
            var bodyRows = BodyRow().Count(html);
            return bodyRows > 0 || !html.Contains("<table", StringComparison.Ordinal) ? bodyRows.ToString("N0", CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"{name}: the page's table was empty; the row would measure nothing.");
        }

        return "1";
    }

    /// <summary>A table row that is not a header row.</summary>
    [GeneratedRegex(@"<tr(?![^>]*class=""[^""]*head)[\s>](?![\s\S]{0,200}?<th[\s>])")]
    private static partial Regex BodyRow();
}
