/* swift-meeting-notes · CMeetingLibXML2: the libxml2 headers ConfluenceHTML needs. */
#ifndef CMEETINGLIBXML2_SHIM_H
#define CMEETINGLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED /* avoids the 'UErrorCode' clash with Foundation's ICU on Linux */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#endif
