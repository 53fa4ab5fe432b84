using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Clinic.LogAuditor;

/// <summary>
/// Writes a log record as one line of compact JSON in the layout the local host's Serilog file log uses:
/// <c>@t</c>, <c>@m</c>, <c>@l</c> (omitted for Information), the structured fields, <c>EventId</c> with
/// <c>Id</c> and <c>Name</c>, and <c>SourceContext</c>.
/// </summary>
internal static class CompactJsonRecord
{
    public static string Format<TState>(
        DateTimeOffset timestamp,
        string category,
        LogLevel level,
        EventId eventId,
        TState state,
        string message)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@t", timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("@m", message);
            if (level != LogLevel.Information)
                json.WriteString("@l", level.ToString());

            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                WriteFields(json, fields);

            json.WriteStartObject("EventId");
            json.WriteNumber("Id", eventId.Id);
            if (eventId.Name is not null)
                json.WriteString("Name", eventId.Name);

            json.WriteEndObject();
            json.WriteString("SourceContext", category);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteFields(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (name == "{OriginalFormat}")
                continue;

            switch (value)
            {
                case null:
                    json.WriteNull(name);
                    break;
                case int number:
                    json.WriteNumber(name, number);
                    break;
                case long number:
                    json.WriteNumber(name, number);
                    break;
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                default:
                    json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
