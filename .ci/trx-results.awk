# Reads a VSTest trx file and prints one line per test result: outcome, test name and, for a test that did not
# run, its skip reason, separated by tabs. The trx writer puts each <UnitTestResult ...> start tag on one line
# and the reason in <Output><ErrorInfo><Message>, which may span lines.

function unxml(text) {
  gsub(/&#x[dDaA];/, " ", text)
  gsub(/&lt;/, "<", text)
  gsub(/&gt;/, ">", text)
  gsub(/&quot;/, "\"", text)
  gsub(/&apos;/, "'", text)
  gsub(/&amp;/, "\\&", text)
  gsub(/\t/, " ", text)
  return text
}

function attribute(line, name,    value) {
  value = line
  if (!sub(".*[ \t]" name "=\"", "", value)) {
    return ""
  }
  sub(/".*/, "", value)
  return value
}

function flush() {
  if (open) {
    printf "%s\t%s\t%s\n", outcome, unxml(name), unxml(message)
  }
  open = 0
  inMessage = 0
  message = ""
}

/<UnitTestResult[ \t]/ {
  flush()
  open = 1
  name = attribute($0, "testName")
  outcome = attribute($0, "outcome")
  if (outcome == "") {
    outcome = "Unknown"
  }
  if ($0 ~ /\/>[ \t]*$/) {
    flush()
  }
  next
}

open && /<\/UnitTestResult>/ {
  flush()
  next
}

open && outcome == "NotExecuted" && (inMessage || /<Message>/) {
  line = $0
  if (!inMessage) {
    sub(/.*<Message>/, "", line)
    inMessage = 1
  }
  if (line ~ /<\/Message>/) {
    sub(/<\/Message>.*/, "", line)
    inMessage = 0
  }
  gsub(/^[ \t]+|[ \t]+$/, "", line)
  if (line != "") {
    message = message == "" ? line : message " " line
  }
}

END {
  flush()
}
